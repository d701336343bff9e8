using System.Collections.Concurrent;
using System.Net;
using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Erp.Tests;

public sealed class SignalsWiringTests : IClassFixture<ErpFactory>
{
    private readonly ErpFactory _factory;

    public SignalsWiringTests(ErpFactory factory) => _factory = factory;

    [Fact]
    public async Task SaveChanges_ErpDbContext_SendsPostSaveWithGeneratedKey()
    {
        _ = _factory.Server;
        var account = await ClinicData.CreateAccountAsync(_factory.Services, ClinicData.Unique("signal"));
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        var seen = new List<(int Id, bool Created)>();
        using var connection = ModelSignals.PostSave<Doctor>().Connect((_, args) => seen.Add((args.Entity.Id, args.Created)), sender: db);

        var doctor = new Doctor { UserId = account.Id, Speciality = "Wiring", LicenceNumber = "SIG-" + Guid.NewGuid().ToString("N")[..8] };
        db.Doctors.Add(doctor);
        await db.SaveChangesAsync();

        var (id, created) = Assert.Single(seen);
        Assert.True(created);
        Assert.Equal(doctor.Id, id);
        Assert.NotEqual(0, id);
    }

    [Fact]
    public async Task AnyRequest_ThroughThePipeline_SendsRequestStarted()
    {
        var marker = Guid.NewGuid().ToString("N");
        var started = new ConcurrentBag<string>();
        // RequestStarted is sent before the pipeline runs, so it has happened by the time the response arrives
        // (RequestFinished may still be running when the test server hands the response over).
        using var connection = RequestSignals.RequestStarted.Connect((_, args) =>
        {
            if (args.HttpContext.Request.QueryString.Value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                started.Add(args.HttpContext.Request.Path.Value ?? string.Empty);
            }
        });
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/healthz?marker={marker}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/healthz", Assert.Single(started));
    }

    [Fact]
    public void Services_Configured_ResolveTheScopedSignalDispatcher()
    {
        using var scope = _factory.Services.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetService<ISignalDispatcher>());
    }
}
