using System.Diagnostics;
using System.Xml.Linq;
using Clinic.Testing;

namespace Clinic.Packaging.Tests;

/// <summary>The six packages, packed as a maintainer packs them, hold what a consumer needs.</summary>
public sealed class PackageTests : IClassFixture<PackageFeed>
{
    private readonly PackageFeed _feed;

    public PackageTests(PackageFeed feed) => _feed = feed;

    public static TheoryData<string> Ids => new(PackageFeed.PackageIds);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Pack_EachPackage_ProducesPackageAndSymbolPackage(string id)
    {
        Assert.True(File.Exists(_feed.PackagePath(id)), $"{id}.nupkg is missing from the feed");
        Assert.True(File.Exists(_feed.PackagePath(id, "snupkg")), $"{id}.snupkg is missing from the feed");
        Assert.Contains(PackageFeed.ListEntries(_feed.PackagePath(id, "snupkg")), e => e.EndsWith(id + ".pdb", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Pack_EachPackage_CarriesItsReadmeLicenseDocsAndCommit(string id)
    {
        var nuspec = _feed.ReadNuspec(id);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Contains("README.md", PackageFeed.ListEntries(_feed.PackagePath(id)));
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.Contains($"lib/net10.0/{id}.xml", PackageFeed.ListEntries(_feed.PackagePath(id)));
        var commit = metadata.Element(ns + "repository")?.Attribute("commit")?.Value;
        Assert.Equal(GitHead(), commit);
    }

    [Fact]
    public async Task Consumer_ReferencingPackagesFromFeedOnly_BuildsAndRuns()
    {
        var consumer = Path.Combine(_feed.Root, "consumer");
        Directory.CreateDirectory(consumer);
        var references = string.Join("\n", PackageFeed.PackageIds.Select(id =>
            $"    <PackageReference Include=\"{id}\" Version=\"[{_feed.Versions[id]}]\" />"))
            + $"\n    <PackageReference Include=\"Microsoft.EntityFrameworkCore.Sqlite\" Version=\"{EfCoreVersion()}\" />";
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        // The feed is added to the machine's sources; the run-unique version can only be found in it.
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="clinic-local-feed" value="{_feed.FeedFolder}" />
              </packageSources>
            </configuration>
            """);
        // The consumer uses each package's entry point the way its README shows, then reports what it found.
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
            using System.Reflection;
            using Clinic.Caching;
            using Clinic.CookiesSessions;
            using Clinic.PageCount;
            using Clinic.Profiles;
            using Clinic.Signals;
            using Clinic.Users;
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddClinicSignals();
            builder.Services.AddClinicCookies();
            builder.Services.AddClinicSessions();
            builder.Services.AddClinicPageCount();
            builder.Services.AddClinicCaching();
            builder.Services.AddDbContext<AppDb>(o => o.UseSqlite("Data Source=:memory:"));
            builder.Services.AddClinicUsers<ClinicUser, AppDb>();
            builder.Services.AddClinicProfiles();
            await using var app = builder.Build();
            app.UseClinicRequestSignals();
            app.UseClinicSessions();
            app.UseClinicPageCount();
            app.UseClinicCaching();

            var received = 0;
            var ping = new Signal<string>();
            using (ping.Connect((sender, value) => received++))
            {
                ping.Send(null, "hello");
            }

            var signer = new Signer("consumer-secret-key", salt: "consumer");
            Console.WriteLine($"signal receivers ran: {received}");
            Console.WriteLine($"signed round trip: {signer.Unsign(signer.Sign("hello"))}");
            Console.WriteLine($"dispatcher resolved: {app.Services.CreateScope().ServiceProvider.GetService<ISignalDispatcher>() is not null}");
            foreach (var name in new[] { "Clinic.Signals", "Clinic.CookiesSessions", "Clinic.Users", "Clinic.Profiles", "Clinic.PageCount", "Clinic.Caching" })
            {
                var version = Assembly.Load(name).GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
                Console.WriteLine($"{name} {version}");
            }

            internal sealed class AppDb(DbContextOptions<AppDb> options) : ClinicUsersDbContext<ClinicUser>(options);
            """);

        // A private packages folder (with the machine's cache as a read-only fallback) keeps this run's packages
        // out of the user's cache.
        var packages = Path.Combine(_feed.Root, "packages");
        var fallback = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await DotNet.RunAsync(consumer, "restore", "--packages", packages, "-p:RestoreFallbackFolders=" + fallback);
        await DotNet.RunAsync(consumer, "build", "--no-restore", "-c", "Release");
        var output = await DotNet.RunAsync(consumer, "run", "--no-build", "-c", "Release");

        Assert.Contains("signal receivers ran: 1", output, StringComparison.Ordinal);
        Assert.Contains("signed round trip: hello", output, StringComparison.Ordinal);
        Assert.Contains("dispatcher resolved: True", output, StringComparison.Ordinal);

        foreach (var id in PackageFeed.PackageIds)
        {
            Assert.Contains($"{id} {_feed.Versions[id]}", output, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(packages, id.ToLowerInvariant(), _feed.Versions[id])),
                $"{id} {_feed.Versions[id]} should have been restored from the local feed");
        }
    }

    /// <summary>The EF Core version the repository builds with, so the consumer restores from the local cache.</summary>
    private static string EfCoreVersion() =>
        XDocument.Load(Path.Combine(TestEnvironment.RepositoryRoot, "Directory.Packages.props"))
            .Descendants("EfCoreVersion").Single().Value;

    private static string GitHead()
    {
        var info = new ProcessStartInfo("git", "rev-parse HEAD")
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
        };
        using var git = Process.Start(info)!;
        var head = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return head;
    }
}
