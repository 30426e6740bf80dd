namespace TechBridge.Tests.Modules.Directory;

public abstract class DirectorySearchTests(AppHost host)
{
    [Fact]
    public async Task Directory_NameSearchFromHomePage_FindsMatchingVerifiedOrganizationsOnly()
    {
        using var client = host.CreateAnonymousClient();

        var home = await client.GetStringAsync(new Uri("/?culture=en", UriKind.Relative));
        var found = await client.GetStringAsync(new Uri("/Directory?q=" + Uri.EscapeDataString("大学") + "&culture=en", UriKind.Relative));
        var none = await client.GetStringAsync(new Uri("/Directory?q=" + Uri.EscapeDataString("不存在的机构名称") + "&culture=en", UriKind.Relative));

        var names = Names(found);
        // The home page's box searches everything (/Search, organizations among them); the directory keeps its name search.
        Assert.Contains("action=\"/Search\"", home, StringComparison.Ordinal);
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains("大学", name, StringComparison.Ordinal));
        Assert.Empty(Names(none));
    }

    private static List<string> Names(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, "<td lang=\"zh-CN\"><a href=\"/Organizations/[^\"]+\">([^<]*)</a><br").Select(m => m.Groups[1].Value).ToList();
}

[Collection(SqliteCollection.Name)]
public sealed class DirectorySearchTestsOnSqlite(SqliteHostFixture fixture) : DirectorySearchTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class DirectorySearchTestsOnPostgres(PostgresHostFixture fixture) : DirectorySearchTests(fixture.Host);
