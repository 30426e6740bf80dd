using System.Security.Cryptography;
using System.Text;

namespace TechBridge.Platform.Auditing;

// The secret the audit chain is keyed with (HMAC-SHA-256). It lives outside the database, so whoever can write the
// database cannot recompute the chain after editing a record: configuration `Audit:HmacKey` (base64, e.g. from an
// environment variable or a secret store), else the file `Audit:HmacKeyFile`, else — generated on first run — the file
// keys/audit-hmac.key in the data directory (fine for development and a single server; production should give a key
// kept apart from the database's backups). The checkpoints are signed with a key derived from it.
internal sealed class AuditKey
{
    public AuditKey(IConfiguration configuration, IHostEnvironment environment, ILogger<AuditKey> logger)
    {
        var configured = configuration["Audit:HmacKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ChainKey = Convert.FromBase64String(configured.Trim());
        }
        else
        {
            var file = configuration["Audit:HmacKeyFile"] ?? Path.Combine(DataDirectory.Resolve(configuration), "keys", "audit-hmac.key");
            ChainKey = ReadOrCreate(file);
            if (environment.IsProduction() && configuration["Audit:HmacKeyFile"] is null)
            {
                logger.LogWarning("The audit chain key was generated in the data directory ({File}); configure Audit:HmacKey or Audit:HmacKeyFile to keep it apart from the data.", file);
            }
        }

        if (ChainKey.Length < 32)
        {
            throw new InvalidOperationException("The audit chain key (Audit:HmacKey) must have at least 32 bytes.");
        }

        CheckpointKey = HMACSHA256.HashData(ChainKey, Encoding.UTF8.GetBytes("TechBridge audit checkpoint"));
    }

    public byte[] ChainKey { get; }

    public byte[] CheckpointKey { get; }

    private static byte[] ReadOrCreate(string file)
    {
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two processes starting at once on one data directory: the first file wins, both use it.
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temporary);
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
