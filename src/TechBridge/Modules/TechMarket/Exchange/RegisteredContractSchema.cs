using System.Text.Json.Nodes;
using Json.Schema;

namespace TechBridge.Modules.TechMarket.Exchange;

// The published exchange standard for a registered technology contract (the plan's 统一信息标准): version 1.0 of a
// JSON Schema (draft 2020-12), served unchanged at Path and documented in docs/exchange-standard.md. The text below
// IS the standard: the feed writes records that satisfy it and the import evaluates every record against it before
// its own rules, so the published document and the checks cannot drift apart. A change that a reader of 1.0 could
// not read is a new major version at a new path; 1.0 stays served as it is.
internal static class RegisteredContractSchema
{
    public const string Version = "1.0";

    public const string Id = "urn:techbridge:techmarket:registered-contract:1.0";

    // The stable URL (relative to the platform's address) where the schema is served to anyone.
    public const string Path = "/api/v1/techmarket/standards/registered-contract/1.0";

    public const string Text = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "urn:techbridge:techmarket:registered-contract:1.0",
          "title": "Registered technology contract (技术合同认定登记), TechBridge exchange standard 1.0",
          "description": "One technology contract as registered by a registration authority. Amounts are whole fen (1 yuan = 100 fen); the technology transaction amount is the total minus the itemised non-technical items. Region codes are GB/T 2260 (2, 4 or 6 digits) or 'foreign' for a party abroad; the registration authority is that of the seller, or of the domestic buyer when the seller is abroad.",
          "type": "object",
          "additionalProperties": false,
          "required": ["standard", "certificateNumber", "registeredOn", "status", "title", "type", "subtype", "seller", "buyer", "totalFen", "nonTechnicalItems", "technologyAmountFen", "technologyField", "ipKind", "fundingSource", "signedOn", "termFrom", "termTo", "paymentSchedule", "publishPartyNames"],
          "properties": {
            "standard": { "const": "techbridge.registered-contract/1.0", "description": "Name and version of this standard." },
            "certificateNumber": { "type": "string", "pattern": "^[0-9A-Z][0-9A-Z-]{3,27}$", "description": "The registration certificate number (登记编号); unique." },
            "registeredOn": { "type": "string", "format": "date", "description": "Day of registration (Beijing time)." },
            "status": { "enum": ["registered", "cancelled"], "description": "cancelled: the registration was cancelled (注销) later." },
            "title": { "type": "string", "minLength": 1, "maxLength": 200 },
            "type": { "enum": ["development", "transfer", "licensing", "consulting", "service"], "description": "技术开发, 技术转让, 技术许可, 技术咨询, 技术服务." },
            "subtype": { "enum": ["commissioned", "cooperative", "patent", "patent-application", "technical-secret", "other", "patent-licence", "secret-licence", "general", "training", "brokerage"], "description": "A subtype of the type: development (commissioned, cooperative); transfer (patent, patent-application, technical-secret, other); licensing (patent-licence, secret-licence, other); consulting (general); service (general, training, brokerage)." },
            "seller": { "$ref": "#/$defs/party" },
            "buyer": { "$ref": "#/$defs/party" },
            "totalFen": { "$ref": "#/$defs/fen", "description": "Contract total (合同成交额)." },
            "nonTechnicalItems": {
              "type": "array",
              "maxItems": 50,
              "items": {
                "type": "object",
                "additionalProperties": false,
                "required": ["kind", "description", "amountFen"],
                "properties": {
                  "kind": { "enum": ["equipment", "instruments", "parts", "raw-materials"] },
                  "description": { "type": "string", "minLength": 1, "maxLength": 200 },
                  "amountFen": { "$ref": "#/$defs/fen" }
                }
              }
            },
            "technologyAmountFen": { "$ref": "#/$defs/fen", "description": "技术交易额 = totalFen − the sum of nonTechnicalItems[].amountFen." },
            "technologyField": { "type": "string", "pattern": "^[a-z][a-z-]{1,31}$", "description": "One of the 11 technology fields of the registration statistics (codes as in the platform's reference data)." },
            "industry": { "type": "string", "pattern": "^[A-T]?[0-9]{2}$", "description": "Optional: GB/T 4754 industry division, bare (\"73\") or with its section letter (\"M73\")." },
            "ipKind": { "enum": ["none", "invention-patent", "utility-model", "design", "software-copyright", "ic-layout", "plant-variety", "technical-secret", "other"] },
            "fundingSource": { "enum": ["own", "government", "bank-loan", "venture", "foreign", "other"] },
            "signedOn": { "type": "string", "format": "date" },
            "termFrom": { "type": "string", "format": "date" },
            "termTo": { "type": "string", "format": "date", "description": "Not before termFrom." },
            "paymentSchedule": { "type": "string", "minLength": 1, "maxLength": 2000 },
            "brokerName": { "type": "string", "minLength": 1, "maxLength": 100, "description": "Optional: the technology broker (技术经纪人)." },
            "publishPartyNames": { "type": "boolean", "description": "The parties agreed that their names appear in public statistics." }
          },
          "$defs": {
            "fen": { "type": "integer", "minimum": 0, "maximum": 100000000000000 },
            "party": {
              "type": "object",
              "additionalProperties": false,
              "required": ["name", "regionCode", "entityKind"],
              "properties": {
                "name": { "type": "string", "minLength": 1, "maxLength": 200 },
                "creditCode": { "type": "string", "pattern": "^[0-9A-HJ-NP-RTUW-Y]{18}$", "description": "Optional: unified social credit code." },
                "regionCode": { "type": "string", "pattern": "^([0-9]{2}|[0-9]{4}|[0-9]{6}|foreign)$" },
                "entityKind": { "enum": ["enterprise", "university", "research-institute", "medical", "government", "social-organization", "individual", "other"] }
              }
            }
          }
        }
        """;

    public const string StandardName = "techbridge.registered-contract/1.0";

    public static readonly JsonSchema Schema = JsonSchema.FromText(Text);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static EvaluationResults Evaluate(JsonNode? record) => Schema.Evaluate(record, Options);
}
