using Clinic.Testing;

namespace Clinic.Packaging.Tests;

/// <summary>The repository's build refuses dependencies with known advisories.</summary>
public sealed class BuildGuardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinic-guard-").FullName;

    [Theory]
    [Trait("Case", "SIGN-07")]
    [InlineData("10.0.0", false)]
    [InlineData("10.0.14", true)]
    public async Task Build_DataProtectionPackageVersion_RefusedOnlyInAdvisoryRange(string version, bool builds)
    {
        var root = TestEnvironment.RepositoryRoot;
        await File.WriteAllTextAsync(Path.Combine(_folder, "Directory.Build.props"),
            $"<Project><Import Project=\"{Path.Combine(root, "Directory.Build.props")}\" /></Project>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "Directory.Build.targets"),
            $"<Project><Import Project=\"{Path.Combine(root, "Directory.Build.targets")}\" /></Project>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "Directory.Packages.props"),
            $"<Project><ItemGroup><PackageVersion Include=\"Microsoft.AspNetCore.DataProtection\" Version=\"{version}\" /></ItemGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "Guard.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Microsoft.AspNetCore.DataProtection\" /></ItemGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "Marker.cs"), "namespace Guard;\n\ninternal static class Marker;\n");

        // Versions the registry no longer serves whole resolve their dependencies upwards (NU1603): not what is tested.
        var build = () => DotNet.RunAsync(_folder, "build", "-p:WarningsNotAsErrors=NU1603", "-p:MSBuildWarningsAsMessages=NU1603");

        if (builds)
        {
            await build();
        }
        else
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(build);
            Assert.Contains("CVE-2026-40372", failure.Message, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
