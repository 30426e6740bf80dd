using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;
using TechBridge.Modules.TechMarket.RegisterContracts;

namespace TechBridge.Modules.TechMarket.Exchange;

// Between a registered contract and its record in the exchange standard, both ways, and the checks a record passes:
// first the published schema, then the rules a schema cannot say (the subtype belongs to the type, the technology
// amount is the total less the items, the term does not end before it starts, the codes are in the reference data).
internal static partial class RegisteredContractRecords
{
    public static JsonObject ToRecord(TechContract c)
    {
        var record = new JsonObject
        {
            ["standard"] = RegisteredContractSchema.StandardName,
            ["certificateNumber"] = c.CertificateNumber,
            ["registeredOn"] = Iso(c.RegisteredOn ?? c.SubmittedOn),
            ["status"] = c.Status == ContractStatus.Cancelled ? "cancelled" : "registered",
            ["title"] = c.Title,
            ["type"] = c.TypeCode,
            ["subtype"] = c.SubtypeCode,
            ["seller"] = Party(c.SellerName, c.SellerCreditCode, c.SellerRegionCode, c.SellerEntityKind),
            ["buyer"] = Party(c.BuyerName, c.BuyerCreditCode, c.BuyerRegionCode, c.BuyerEntityKind),
            ["totalFen"] = c.TotalFen,
            ["nonTechnicalItems"] = new JsonArray(c.Items.OrderBy(i => i.Sequence)
                .Select(i => (JsonNode)new JsonObject { ["kind"] = i.Kind, ["description"] = i.Description, ["amountFen"] = i.AmountFen }).ToArray()),
            ["technologyAmountFen"] = c.TechnologyAmountFen,
            ["technologyField"] = c.TechnologyFieldCode,
        };
        if (c.IndustryCode is not null)
        {
            record["industry"] = c.IndustryCode;
        }

        record["ipKind"] = c.IpKind;
        record["fundingSource"] = c.FundingSource;
        record["signedOn"] = Iso(c.SignedOn);
        record["termFrom"] = Iso(c.TermFrom);
        record["termTo"] = Iso(c.TermTo);
        record["paymentSchedule"] = c.PaymentSchedule;
        if (c.BrokerName is not null)
        {
            record["brokerName"] = c.BrokerName;
        }

        record["publishPartyNames"] = c.PublishPartyNames;
        return record;
    }

    // Every broken rule of one record, named by field in the record's own terms ("seller.regionCode",
    // "nonTechnicalItems[2].amountFen"); empty when the record may be imported.
    public static List<Violation> Check(JsonNode? record, IReferenceData reference)
    {
        var results = RegisteredContractSchema.Evaluate(record);
        if (!results.IsValid)
        {
            return SchemaViolations(results);
        }

        var o = record!.AsObject();
        var problems = new List<Violation>();
        var type = ContractCatalog.Type(Text(o, "type"));
        if (type is null || !type.Subtypes.Any(s => s.Code == Text(o, "subtype")))
        {
            problems.Add(new Violation("subtype", "unknown", "The subtype is not one of the contract type's subtypes."));
        }

        if (!reference.TechnologyFieldExists(Text(o, "technologyField")))
        {
            problems.Add(new Violation("technologyField", "unknown", "The technology field is not one of the 11 fields."));
        }

        if (Text(o, "industry") is { } industry && !reference.IndustryDivisionExists(industry))
        {
            problems.Add(new Violation("industry", "unknown", "The industry is not a division of GB/T 4754."));
        }

        var total = o["totalFen"]!.GetValue<long>();
        var items = o["nonTechnicalItems"]!.AsArray().Sum(i => i!["amountFen"]!.GetValue<long>());
        if (items > total)
        {
            problems.Add(new Violation("nonTechnicalItems", "exceedsTotal", "The non-technical items add up to more than the contract total."));
        }
        else if (o["technologyAmountFen"]!.GetValue<long>() != total - items)
        {
            problems.Add(new Violation("technologyAmountFen", "notTotalLessItems", "The technology amount is the total less the non-technical items."));
        }

        if (Date(o, "termTo") < Date(o, "termFrom"))
        {
            problems.Add(new Violation("termTo", "notBeforeStart", "The term ends on or after the day it starts."));
        }

        var sellerRegion = Text(o["seller"]!.AsObject(), "regionCode")!;
        var buyerRegion = Text(o["buyer"]!.AsObject(), "regionCode")!;
        if (buyerRegion == ContractCatalog.Foreign && sellerRegion == ContractCatalog.Foreign)
        {
            problems.Add(new Violation("buyer.regionCode", "bothForeign", "At least one party is located in China."));
        }

        return problems;
    }

    // The region whose authority registered the record: the seller's, or the domestic buyer's for a technology import.
    public static string RegistrantRegion(JsonObject record)
    {
        var seller = Text(record["seller"]!.AsObject(), "regionCode")!;
        return seller == ContractCatalog.Foreign ? Text(record["buyer"]!.AsObject(), "regionCode")! : seller;
    }

    // A checked record as a registered contract of this platform (the caller sets who and when).
    public static TechContract ToContract(JsonObject o, string applicationNumber, Guid userId, DateTimeOffset now, TradingRules rules)
    {
        var seller = o["seller"]!.AsObject();
        var buyer = o["buyer"]!.AsObject();
        var registrant = RegistrantRegion(o);
        var registeredOn = Date(o, "registeredOn");
        var technology = o["technologyAmountFen"]!.GetValue<long>();
        var total = o["totalFen"]!.GetValue<long>();
        return new TechContract
        {
            ApplicationNumber = applicationNumber,
            Title = Text(o, "title")!,
            TypeCode = Text(o, "type")!,
            SubtypeCode = Text(o, "subtype")!,
            SellerName = Text(seller, "name")!,
            SellerCreditCode = Text(seller, "creditCode"),
            SellerRegionCode = Text(seller, "regionCode")!,
            SellerEntityKind = Text(seller, "entityKind")!,
            BuyerName = Text(buyer, "name")!,
            BuyerCreditCode = Text(buyer, "creditCode"),
            BuyerRegionCode = Text(buyer, "regionCode")!,
            BuyerEntityKind = Text(buyer, "entityKind")!,
            RegistrantRegionCode = registrant,
            AuthorityJurisdiction = Jurisdictions.Of(registrant),
            TotalFen = total,
            NonTechnicalFen = total - technology,
            TechnologyAmountFen = technology,
            TechnologyFieldCode = Text(o, "technologyField")!,
            IndustryCode = Text(o, "industry"),
            IpKind = Text(o, "ipKind")!,
            FundingSource = Text(o, "fundingSource")!,
            SignedOn = Date(o, "signedOn"),
            TermFrom = Date(o, "termFrom"),
            TermTo = Date(o, "termTo"),
            PaymentSchedule = Text(o, "paymentSchedule")!,
            BrokerName = Text(o, "brokerName"),
            PublishPartyNames = o["publishPartyNames"]!.GetValue<bool>(),
            Status = Text(o, "status") == "cancelled" ? ContractStatus.Cancelled : ContractStatus.Registered,
            ExpertReviewRequired = ContractViewer.NeedsExperts(rules, technology, disputed: false),
            SubmittedOn = registeredOn,
            DueOn = registeredOn,
            RegisteredOn = registeredOn,
            CertificateNumber = Text(o, "certificateNumber"),
            Origin = "exchange",
            CreatedByUserId = userId,
            CreatedAt = now,
            UpdatedAt = now,
            Items = o["nonTechnicalItems"]!.AsArray().Select((item, i) => new NonTechnicalItem
            {
                Sequence = i + 1,
                Kind = Text(item!.AsObject(), "kind")!,
                Description = Text(item!.AsObject(), "description")!,
                AmountFen = item!["amountFen"]!.GetValue<long>(),
            }).ToList(),
        };
    }

    // The schema's findings as violations: the instance location becomes the field ("/seller/name" → "seller.name",
    // "/nonTechnicalItems/0/amountFen" → "nonTechnicalItems[0].amountFen"), the keyword becomes the rule.
    private static List<Violation> SchemaViolations(EvaluationResults results)
    {
        var violations = new List<Violation>();
        foreach (var node in results.Details.Prepend(results).Where(d => d.HasErrors))
        {
            var field = FieldOf(node.InstanceLocation.ToString());
            foreach (var (keyword, message) in node.Errors!)
            {
                switch (keyword)
                {
                    case "required":
                        foreach (Match missing in Quoted().Matches(message))
                        {
                            violations.Add(new Violation(Join(field, missing.Groups[1].Value), "required", message));
                        }

                        break;
                    case "maxLength" or "maxItems":
                        var max = Number().Match(message) is { Success: true } m ? long.Parse(m.Value, CultureInfo.InvariantCulture) : 0;
                        violations.Add(new Violation(Field(field), keyword == "maxLength" ? "maxLength" : "maxCount", message, new Dictionary<string, object> { ["max"] = max }));
                        break;
                    default:
                        var last = field[(field.LastIndexOf('.') + 1)..];
                        // A member the standard does not declare, whichever keyword reports it.
                        violations.Add(field.Length > 0 && !field.EndsWith(']') && !Declared.Value.Contains(last)
                            ? new Violation(Field(field), "unexpected", message, new Dictionary<string, object> { ["name"] = last })
                            : new Violation(Field(field), RuleOf(keyword, field), message));
                        break;
                }
            }
        }

        return violations.DistinctBy(v => (v.Field, v.Rule)).ToList();
    }

    // Every member name the schema declares, at any depth.
    private static readonly Lazy<HashSet<string>> Declared = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o["properties"] is JsonObject properties)
                {
                    names.UnionWith(properties.Select(p => p.Key));
                }

                foreach (var child in o)
                {
                    Walk(child.Value);
                }
            }
        }

        Walk(JsonNode.Parse(RegisteredContractSchema.Text));
        return names;
    });

    private static string RuleOf(string keyword, string field) => keyword switch
    {
        "type" => "type",
        "const" when field == "standard" => "standard",
        "enum" or "const" => "unknown",
        "minLength" => "required",
        "minimum" => "negative",
        "maximum" => "overflow",
        "false" or "additionalProperties" => "unexpected",
        _ => "format",
    };

    private static string Field(string field) => field.Length == 0 ? "record" : field;

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string FieldOf(string pointer)
    {
        var field = "";
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            field = name.All(char.IsAsciiDigit) && field.Length > 0 ? $"{field}[{name}]" : Join(field, name);
        }

        return field;
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static DateOnly Date(JsonObject o, string name) => DateOnly.ParseExact(Text(o, name)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Party(string name, string? creditCode, string regionCode, string entityKind)
    {
        var party = new JsonObject { ["name"] = name };
        if (creditCode is not null)
        {
            party["creditCode"] = creditCode;
        }

        party["regionCode"] = regionCode;
        party["entityKind"] = entityKind;
        return party;
    }

    public static readonly JsonSerializerOptions LineOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
