using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Clinic.Testing;

namespace Clinic.Packaging.Tests;

/// <summary>
/// Packs the six packages once, with a version that exists nowhere else, into a temporary folder feed. Builds go to a
/// private artifacts folder so they never touch the binaries other test projects are running from.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    public static readonly string[] PackageIds =
        ["Clinic.Signals", "Clinic.CookiesSessions", "Clinic.Users", "Clinic.Profiles", "Clinic.PageCount", "Clinic.Caching"];

    public string Root { get; } = Directory.CreateTempSubdirectory("clinic-pack-").FullName;

    public string FeedFolder => Path.Combine(Root, "feed");

    /// <summary>The version suffix that marks this run's packages (so a restore can only have found them here).</summary>
    public string VersionSuffix { get; } = "packtest." + Guid.NewGuid().ToString("N")[..12];

    public IReadOnlyDictionary<string, string> Versions { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedFolder);
        var solution = Path.Combine(Root, "packages.slnx");
        await File.WriteAllTextAsync(solution, "<Solution>\n" + string.Join('\n', PackageIds.Select(id =>
            $"  <Project Path=\"{ProjectFile(id)}\" />")) + "\n</Solution>\n");

        await DotNet.RunAsync(Root, "pack", solution, "-c", "Release", "-o", FeedFolder, "--artifacts-path",
            Path.Combine(Root, "artifacts"), "-p:VersionSuffix=" + VersionSuffix, "-p:ContinuousIntegrationBuild=true");

        // Each package keeps its own version in its project file; the suffix marks this run.
        Versions = PackageIds.ToDictionary(id => id, id =>
            XDocument.Load(ProjectFile(id)).Descendants("VersionPrefix").Single().Value + "-" + VersionSuffix);
    }

    public static string ProjectFile(string id) => Path.Combine(TestEnvironment.RepositoryRoot, "src", id, id + ".csproj");

    /// <summary>The path of a package (or, with <paramref name="extension"/> "snupkg", its symbols) in the feed.</summary>
    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(FeedFolder, $"{id}.{Versions[id]}.{extension}");

    /// <summary>The nuspec of a package in the feed.</summary>
    public XDocument ReadNuspec(string id)
    {
        using var archive = ZipFile.OpenRead(PackagePath(id));
        using var stream = archive.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream);
    }

    /// <summary>The file names inside a package.</summary>
    public static IReadOnlyList<string> ListEntries(string packagePath)
    {
        using var archive = ZipFile.OpenRead(packagePath);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }

        return Task.CompletedTask;
    }
}

/// <summary>Runs the dotnet CLI and fails with its output when it does not succeed.</summary>
internal static class DotNet
{
    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The consumer must not inherit this test host's MSBuild settings.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }

        return output;
    }
}
