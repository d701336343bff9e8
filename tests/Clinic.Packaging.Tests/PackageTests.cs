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
            $"    <PackageReference Include=\"{id}\" Version=\"[{_feed.Versions[id]}]\" />"));
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
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
            using System.Reflection;

            foreach (var name in args)
            {
                var assembly = Assembly.Load(name);
                var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
                Console.WriteLine($"{name} {version}");
            }
            """);

        // A private packages folder (with the machine's cache as a read-only fallback) keeps this run's packages
        // out of the user's cache.
        var packages = Path.Combine(_feed.Root, "packages");
        var fallback = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await DotNet.RunAsync(consumer, "restore", "--packages", packages, "-p:RestoreFallbackFolders=" + fallback);
        await DotNet.RunAsync(consumer, "build", "--no-restore", "-c", "Release");
        var output = await DotNet.RunAsync(consumer, ["run", "--no-build", "-c", "Release", "--", .. PackageFeed.PackageIds]);

        foreach (var id in PackageFeed.PackageIds)
        {
            Assert.Contains($"{id} {_feed.Versions[id]}", output, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(packages, id.ToLowerInvariant(), _feed.Versions[id])),
                $"{id} {_feed.Versions[id]} should have been restored from the local feed");
        }
    }

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
