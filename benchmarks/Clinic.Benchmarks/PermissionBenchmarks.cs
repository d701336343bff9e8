using System.Collections.Frozen;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Clinic.Users;
using Clinic.Users.Internal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Benchmarks;

/// <summary>
/// A permission check on a warm request (permissions already loaded for the request) against the alternatives:
/// a bare <see cref="FrozenSet{T}"/> lookup (the floor), the same permissions as claims, and authorization policies.
/// dotnet run -c Release --project benchmarks/Clinic.Benchmarks -- --filter '*Permission*' --job short
/// </summary>
[MemoryDiagnoser]
public class PermissionBenchmarks
{
    private const string Wanted = "erp.change_patient";
    private static readonly string[] Actions = ["add", "change", "delete", "view"];
    private static readonly string[] WantedValues = [Wanted];
    private FrozenSet<string> _set = null!;
    private UserPermissions _permissions = null!;
    private ClaimsPrincipal _principal = null!;
    private ClaimsPrincipal _claimsPrincipal = null!;
#pragma warning disable CA1859 // Measured through the interface, as applications call it.
    private IPermissionService _service = null!;
#pragma warning restore CA1859
    private IAuthorizationService _authorization = null!;
    private AuthorizationPolicy _claimPolicy = null!;
    private AuthorizationPolicy _permissionPolicy = null!;
    private ServiceProvider _provider = null!;
    private IServiceScope _scope = null!;

    [GlobalSetup]
    public void Setup()
    {
        var names = Enumerable.Range(0, 12)
            .SelectMany(i => Actions.Select(a => $"erp.{a}_{(i == 0 ? "patient" : "model" + i)}"))
            .ToArray();
        _set = names.ToFrozenSet(StringComparer.Ordinal);
        _permissions = new UserPermissions("u1", isActive: true, isSuperuser: false, _set, FrozenSet<string>.Empty, _set);
        _principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "Cookies"));
        _claimsPrincipal = new ClaimsPrincipal(new ClaimsIdentity(
            names.Select(n => new Claim("permission", n)).Prepend(new Claim(ClaimTypes.NameIdentifier, "u1")),
            "Cookies"));

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddOptions();
        services.AddAuthorizationCore();
        services.AddSingleton<UsersMetrics>();
        services.AddScoped(_ => new BenchContext(new DbContextOptionsBuilder<BenchContext>().Options));
        services.AddScoped<PermissionService<ClinicUser, BenchContext>>();
        services.AddScoped<IPermissionService>(sp => sp.GetRequiredService<PermissionService<ClinicUser, BenchContext>>());
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateScope();
        var service = _scope.ServiceProvider.GetRequiredService<PermissionService<ClinicUser, BenchContext>>();
        service.Prime(_principal, _permissions);
        _service = service;
        _authorization = _scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        _claimPolicy = new AuthorizationPolicyBuilder().AddRequirements(new ClaimsAuthorizationRequirement("permission", WantedValues)).Build();
        _permissionPolicy = new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(Wanted)).Build();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _provider.Dispose();
    }

    [Benchmark(Baseline = true, Description = "FrozenSet<string>.Contains")]
    public bool FrozenSetContains() => _set.Contains(Wanted);

    [Benchmark(Description = "UserPermissions.HasPerm")]
    public bool UserPermissionsHasPerm() => _permissions.HasPerm(Wanted);

    [Benchmark(Description = "IPermissionService.HasPermAsync (warm)")]
    public bool ServiceHasPerm()
    {
        var pending = _service.HasPermAsync(_principal, Wanted);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "ClaimsPrincipal.HasClaim")]
    public bool HasClaim() => _claimsPrincipal.HasClaim("permission", Wanted);

    [Benchmark(Description = "AuthorizeAsync(claim requirement)")]
    public async Task<bool> AuthorizeClaim() => (await _authorization.AuthorizeAsync(_claimsPrincipal, null, _claimPolicy)).Succeeded;

    [Benchmark(Description = "AuthorizeAsync(PermissionRequirement)")]
    public async Task<bool> AuthorizePermission() => (await _authorization.AuthorizeAsync(_principal, null, _permissionPolicy)).Succeeded;

    /// <summary>A context that is never queried: the request's permissions are primed.</summary>
    public sealed class BenchContext(DbContextOptions<BenchContext> options) : ClinicUsersDbContext<ClinicUser>(options);
}
