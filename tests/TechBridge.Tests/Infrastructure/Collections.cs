namespace TechBridge.Tests.Infrastructure;

// One shared host per database for the whole suite.
public sealed class SqliteHostFixture : IAsyncLifetime
{
    public AppHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await AppHost.StartAsync(TestDatabase.Sqlite);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class PostgresHostFixture : IAsyncLifetime
{
    public AppHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await AppHost.StartAsync(TestDatabase.Postgres);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHostFixture>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHostFixture>
{
    public const string Name = "postgres";
}
