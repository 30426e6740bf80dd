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
            throw new InvalidOperationException(
                "Production requires an explicit database: set ConnectionStrings__Platform (and Database__Provider=Postgres for PostgreSQL).");
        }

        if (options.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database__Provider=Postgres requires ConnectionStrings__Platform.");
        }

        var dataDirectory = DataDirectory.Resolve(configuration);
        Directory.CreateDirectory(dataDirectory);
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
