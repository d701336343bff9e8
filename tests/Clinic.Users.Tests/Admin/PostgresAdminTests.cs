using System.Globalization;
using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Tests.Admin;

/// <summary>The entity admin on a real PostgreSQL database: list with search and sort, add, change, cascade delete, history.</summary>
public sealed class PostgresAdminTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;
    private HttpClient _root = null!;

    public async Task InitializeAsync()
    {
        (_host, _, _) = await AdminTestHost.StartAsync("postgres");
        (_root, _) = await _host.SignInAsync("root@example.com", superuser: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EntityAdmin_WorksEndToEndOnPostgres()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _root.PostAdminAsync("/admin/clinic/doctor/add/", ("Name", "Zhivago"), ("Specialty", "General"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _root.PostAdminAsync("/admin/clinic/doctor/add/", ("Name", "Ávila"), ("Specialty", "Cardiology"))).StatusCode);
        var avila = await _host.DbAsync(db => db.Doctors.SingleAsync(d => d.Name == "Ávila"));
        Assert.Equal(HttpStatusCode.Redirect, (await _root.PostAdminAsync("/admin/clinic/appointment/add/", ("PatientName", "Pat"), ("DoctorId", avila.Id.ToString(CultureInfo.InvariantCulture)), ("Day", "2026-03-04"), ("Fee", "10"))).StatusCode);

        var databaseOrder = await _host.DbAsync(db => db.Doctors.OrderByDescending(d => d.Name).Select(d => d.Name).ToListAsync());
        Assert.Equal(databaseOrder, AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/clinic/doctor/?o=-Name")).Html));
        Assert.Equal(["Zhivago"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/clinic/doctor/?q=ZHIV&Specialty__exact=General")).Html));
        Assert.Empty(AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/clinic/doctor/?q=ZHIV&Specialty__exact=Cardiology")).Html));
        var (_, confirm) = await _root.GetHtmlAsync($"/admin/clinic/doctor/{avila.Id}/delete/");
        Assert.Contains("Appointment: Pat on 2026-03-04", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await _root.PostAdminAsync($"/admin/clinic/doctor/{avila.Id}/delete/", ("post", "yes"))).StatusCode);
        Assert.Equal(0, await _host.DbAsync(db => db.Appointments.CountAsync()));
        Assert.Equal([AdminLogAction.Addition, AdminLogAction.Addition, AdminLogAction.Addition, AdminLogAction.Deletion], await _host.DbAsync(db => db.AdminLogEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }
}
