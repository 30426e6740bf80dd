using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TechBridge.Tests.Infrastructure;

// Migrating and seeding demo data is the slow part of a host; it is done once per database per test run into a
// template that every host copies (SQLite: a file copy; PostgreSQL: CREATE DATABASE ... TEMPLATE).
internal static class TemplateDatabases
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);
    private static int clones;

    public static async Task<string> CloneSqliteAsync(string dataDirectory)
    {
        var template = await SqliteTemplate.Value;
        var path = Path.Combine(dataDirectory, "techbridge.db");
        File.Copy(template, path);
        return new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
    }

    public static async Task<string> ClonePostgresAsync()
    {
        var template = await PostgresTemplate.Value;
        var name = $"tb_{Environment.ProcessId}_{Interlocked.Increment(ref clones)}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name }.ToString();
    }

    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("TECHBRIDGE_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "PostgreSQL tests need TECHBRIDGE_TEST_POSTGRES (a connection string to a server where databases may be created). ./test.sh starts a throwaway cluster and sets it.");

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("techbridge-template-").FullName;
        var path = Path.Combine(directory, "techbridge.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
        await MigrateAndSeedAsync(TestDatabase.Sqlite, connection, directory);
        await using (var sqlite = new SqliteConnection(connection))
        {
            await sqlite.OpenAsync();
            await using var checkpoint = sqlite.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var name = $"tb_template_{Environment.ProcessId}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"; CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name }.ToString();
        await MigrateAndSeedAsync(TestDatabase.Postgres, connection, Directory.CreateTempSubdirectory("techbridge-template-").FullName);
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static async Task MigrateAndSeedAsync(TestDatabase database, string connection, string dataDirectory)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in AppHost.Settings(database, connection, dataDirectory, migrate: true, seed: true))
            {
                builder.UseSetting(key, value);
            }
        });
        _ = factory.Server;
        await Task.CompletedTask;
    }
}
