using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Outbox;

namespace TechBridge.Platform.Persistence;

internal static class PersistenceSetup
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = ResolveConnectionString(configuration, environment, options);
        services.AddSingleton<SqliteTuning>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<OutboxSourceInterceptor>();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PlatformDbContext, PostgresPlatformDbContext>((sp, db) => db
                .UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<OutboxSourceInterceptor>(), sp.GetRequiredService<AuditInterceptor>())
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        }
        else
        {
            services.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>((sp, db) => db
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<SqliteTuning>(), sp.GetRequiredService<OutboxSourceInterceptor>(), sp.GetRequiredService<AuditInterceptor>())
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        }

        return services;
    }

    private static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment environment, DatabaseOptions options)
    {
        var configured = configuration.GetConnectionString("Platform");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (environment.IsProduction())
        {
            // A database-less verb may still run; its default SQLite file is never created (DatabaseStartup refuses).
            options.Unconfigured = true;
            return new SqliteConnectionStringBuilder { DataSource = ":memory:" }.ToString();
        }

        if (options.Provider == DatabaseProvider.Postgres)
        {
            throw new StartupException("Database__Provider=Postgres needs ConnectionStrings__Platform (a PostgreSQL connection string).");
        }

        var dataDirectory = DataDirectory.Resolve(configuration);
        try
        {
            Directory.CreateDirectory(dataDirectory);
            var probe = Path.Combine(dataDirectory, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot write the data directory {dataDirectory} ({e.Message}); choose another with --Platform:DataDirectory=PATH.", e);
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "techbridge.db"),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}

internal static class DataDirectory
{
    public static string Resolve(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Platform:DataDirectory"] ?? "data");
}
