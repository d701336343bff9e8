using System.Globalization;
using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Tests.Admin;

/// <summary>The application's registered entities: list, form from the EF Core model, pickers, delete, actions, history.</summary>
public sealed class AdminEntityTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;
    private SignalTally _signals = null!;
    private HttpClient _root = null!;
    private TestUser _rootUser = null!;

    public async Task InitializeAsync()
    {
        (_host, _signals, _) = await AdminTestHost.StartAsync();
        (_root, _rootUser) = await _host.SignInAsync("root@example.com", superuser: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task List_SearchFilterSortAndPaginate()
    {
        foreach (var (name, specialty) in new[] { ("Adams", Specialty.General), ("Brown", Specialty.Cardiology), ("Clark", Specialty.Cardiology), ("Davis", Specialty.General), ("Evans", Specialty.Paediatrics), ("Brownlow", Specialty.General) })
        {
            await _host.AddDoctorAsync(name, specialty: specialty);
        }

        Assert.Equal(["Adams", "Brown", "Brownlow", "Clark", "Davis"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/clinic/doctor/")).Html));
        Assert.Equal(["Evans"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/clinic/doctor/?p=2")).Html));
        Assert.Equal(["Brown", "Brownlow"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/clinic/doctor/?q=BROWN")).Html));
        Assert.Equal(["Brown", "Clark"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/clinic/doctor/?Specialty__exact=Cardiology")).Html));
        Assert.Equal(["Evans", "Davis", "Clark", "Brownlow", "Brown"], AdminTestHost.RowLinks((await _root.GetHtmlAsync("/admin/clinic/doctor/?o=-Name")).Html));
        var (_, filtered) = await _root.GetHtmlAsync("/admin/clinic/doctor/?q=brown&Specialty__exact=General");
        Assert.Equal(["Brownlow"], AdminTestHost.RowLinks(filtered));
        Assert.Contains("1 result (6 total)", filtered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _root.GetAsync("/admin/clinic/doctor/?Specialty__exact=Surgery")).StatusCode);
    }

    [Fact]
    public async Task List_ForeignKeyColumnsAndFilters_ShowTheRelatedObject()
    {
        var house = await _host.AddDoctorAsync("House", appointments: 2);
        await _host.AddDoctorAsync("Wilson", appointments: 1);

        var (_, all) = await _root.GetHtmlAsync("/admin/clinic/appointment/");
        var (_, mine) = await _root.GetHtmlAsync($"/admin/clinic/appointment/?DoctorId__exact={house.Id}");

        Assert.Contains("<td>Dr House</td>", all, StringComparison.Ordinal);
        Assert.Contains(">Dr Wilson</a>", all, StringComparison.Ordinal);
        Assert.Equal(2, AdminTestHost.RowLinks(mine).Count);
        Assert.All(AdminTestHost.RowLinks(mine), r => Assert.Contains("of House", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_InvalidValues_ShowDjangoMessagesNextToTheFieldsAndSaveNothing()
    {
        var doctor = await _host.AddDoctorAsync("House");

        var response = await _root.PostAdminAsync(
            "/admin/clinic/appointment/add/",
            ("PatientName", new string('x', 101)), ("DoctorId", doctor.Id.ToString(CultureInfo.InvariantCulture)), ("Day", "31/12/2026"), ("Fee", "5000"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ensure this value has at most 100 characters (it has 101).", html, StringComparison.Ordinal);
        Assert.Contains("Enter a valid date.", html, StringComparison.Ordinal);
        Assert.Matches("field-Fee\">[\\s\\S]*?Fee must be between 0 and 1000\\.", html);
        Assert.Equal(0, await _host.DbAsync(db => db.Appointments.CountAsync()));

        var missing = await (await _root.PostAdminAsync("/admin/clinic/appointment/add/", ("PatientName", ""), ("DoctorId", "999"), ("Day", "2026-01-02"), ("Fee", "x"))).Content.ReadAsStringAsync();
        Assert.Matches("field-PatientName\">[\\s\\S]*?This field is required\\.", missing);
        Assert.Contains("Select a valid choice. That choice is not one of the available choices.", missing, StringComparison.Ordinal);
        Assert.Contains("Enter a whole number.", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_Valid_SavesThroughSaveChangesWithSignalsAndHistory()
    {
        _signals.Reset();

        var response = await _root.PostAdminAsync("/admin/clinic/doctor/add/", ("Name", "Quinn"), ("Email", "quinn@example.com"), ("Specialty", "Cardiology"), ("IsAccepting", "true"), ("ApiSecret", "forged"), ("Version", Guid.Empty.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/clinic/doctor/", response.Headers.Location!.ToString());
        var doctor = await _host.DbAsync(db => db.Doctors.SingleAsync());
        Assert.Equal(("Quinn", Specialty.Cardiology, true, (string?)null), (doctor.Name, doctor.Specialty, doctor.IsAccepting, doctor.ApiSecret));
        Assert.NotEqual(Guid.Empty, doctor.Version);
        Assert.Equal(1, _signals.PostSaveDoctor);
        var entry = await _host.DbAsync(db => db.AdminLogEntries.SingleAsync());
        Assert.Equal((AdminLogAction.Addition, "clinic.doctor", doctor.Id.ToString(CultureInfo.InvariantCulture), "Dr Quinn", _rootUser.Id), (entry.Action, entry.ContentType, entry.ObjectId, entry.ObjectRepr, entry.UserId));
    }

    [Fact]
    public async Task Change_SavesChangedFieldsAndHistoryListsThem()
    {
        var doctor = await _host.AddDoctorAsync("House");
        var (_, page) = await _root.GetHtmlAsync($"/admin/clinic/doctor/{doctor.Id}/change/");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"__token_Version\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await _root.PostAdminAsync($"/admin/clinic/doctor/{doctor.Id}/change/", ("Name", "Gregory House"), ("Specialty", "General"), ("IsAccepting", "true"), ("__token_Version", version), ("_continue", "1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/clinic/doctor/{doctor.Id}/change/", response.Headers.Location!.ToString());
        Assert.Equal("Gregory House", (await _host.DbAsync(db => db.Doctors.SingleAsync())).Name);
        var (_, history) = await _root.GetHtmlAsync($"/admin/clinic/doctor/{doctor.Id}/history/");
        Assert.Contains("Changed Name.", history, StringComparison.Ordinal);
        Assert.Contains("root@example.com", history, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ApiSecret", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_StaleVersion_IsAConflictAndKeepsTheOtherChange()
    {
        var doctor = await _host.AddDoctorAsync("House");
        var (_, page) = await _root.GetHtmlAsync($"/admin/clinic/doctor/{doctor.Id}/change/");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"__token_Version\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await _root.PostAdminAsync($"/admin/clinic/doctor/{doctor.Id}/change/", ("Name", "First edit"), ("Specialty", "General"), ("__token_Version", version))).StatusCode);

        var stale = await _root.PostAdminAsync($"/admin/clinic/doctor/{doctor.Id}/change/", ("Name", "Second edit"), ("Specialty", "General"), ("__token_Version", version));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("was changed by someone else", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("First edit", (await _host.DbAsync(db => db.Doctors.SingleAsync())).Name);
    }

    [Fact]
    public async Task ForeignKeyPicker_OffersABoundedSearchableList()
    {
        for (var i = 0; i < 8; i++)
        {
            await _host.AddDoctorAsync("Doctor " + i.ToString(CultureInfo.InvariantCulture));
        }

        var zed = await _host.AddDoctorAsync("Zed");
        var (_, page) = await _root.GetHtmlAsync("/admin/clinic/appointment/add/");
        var (_, searched) = await _root.GetHtmlAsync("/admin/clinic/appointment/add/?fk_DoctorId=zed");

        var options = System.Text.RegularExpressions.Regex.Count(Select(page, "DoctorId"), "<option value=\"\\d+\"");
        Assert.Equal(3, options);
        Assert.Contains("Showing the first 3 matches", page, StringComparison.Ordinal);
        Assert.Equal($"<option value=\"{zed.Id}\">Dr Zed</option>", System.Text.RegularExpressions.Regex.Match(Select(searched, "DoctorId"), "<option value=\"\\d+\"[^>]*>[^<]*</option>").Value);
    }

    [Fact]
    public async Task Delete_ConfirmationListsCascadedAppointmentsThenDeletesWithSignals()
    {
        var doctor = await _host.AddDoctorAsync("House", appointments: 2);
        var other = await _host.AddDoctorAsync("Wilson", appointments: 1);

        var (_, confirm) = await _root.GetHtmlAsync($"/admin/clinic/doctor/{doctor.Id}/delete/");
        _signals.Reset();
        var response = await _root.PostAdminAsync($"/admin/clinic/doctor/{doctor.Id}/delete/", ("post", "yes"));

        Assert.Contains("Doctor: Dr House", confirm, StringComparison.Ordinal);
        Assert.Contains("Appointment: Patient 0 of House on 2026-01-01", confirm, StringComparison.Ordinal);
        Assert.Contains("Appointment: Patient 1 of House on 2026-01-02", confirm, StringComparison.Ordinal);
        Assert.Contains("Appointments: 2", confirm, StringComparison.Ordinal);
        Assert.DoesNotContain("Wilson", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([other.Id], await _host.DbAsync(db => db.Doctors.Select(d => d.Id).ToListAsync()));
        Assert.Equal(1, await _host.DbAsync(db => db.Appointments.CountAsync()));
        Assert.Equal(2, _signals.PostDeleteAppointment);
        Assert.True(await _host.DbAsync(db => db.AdminLogEntries.AnyAsync(e => e.Action == AdminLogAction.Deletion && e.ObjectRepr == "Dr House")));
    }

    [Fact]
    public async Task BulkDelete_AsksForConfirmationThenDeletesTheSelection()
    {
        var a = await _host.AddDoctorAsync("A", appointments: 1);
        var b = await _host.AddDoctorAsync("B");
        var c = await _host.AddDoctorAsync("C");

        var confirm = await _root.PostAdminAsync("/admin/clinic/doctor/", ("action", "delete_selected"), ("_selected_action", Id(a)), ("_selected_action", Id(b)));
        var confirmHtml = await confirm.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Doctors: 2", confirmHtml, StringComparison.Ordinal);
        Assert.Contains("Appointments: 1", confirmHtml, StringComparison.Ordinal);
        Assert.Equal(3, await _host.DbAsync(db => db.Doctors.CountAsync()));

        var done = await _root.PostAdminAsync("/admin/clinic/doctor/", ("action", "delete_selected"), ("_selected_action", Id(a)), ("_selected_action", Id(b)), ("post", "yes"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal([c.Id], await _host.DbAsync(db => db.Doctors.Select(d => d.Id).ToListAsync()));
        var (_, list) = await _root.GetHtmlAsync("/admin/clinic/doctor/");
        Assert.Contains("Successfully deleted 2 doctors.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomAction_ChangesTheSelectionAndRecordsHistory()
    {
        var a = await _host.AddDoctorAsync("A");
        var b = await _host.AddDoctorAsync("B");

        var response = await _root.PostAdminAsync("/admin/clinic/doctor/", ("action", "close_list"), ("_selected_action", Id(a)));
        var (_, list) = await _root.GetHtmlAsync("/admin/clinic/doctor/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Closed the lists of 1 doctors.", list, StringComparison.Ordinal);
        Assert.Contains("<option value=\"close_list\">Close patient lists</option>", list, StringComparison.Ordinal);
        var accepting = await _host.DbAsync(db => db.Doctors.OrderBy(d => d.Name).Select(d => d.IsAccepting).ToListAsync());
        Assert.Equal([false, true], accepting);
        var entry = await _host.DbAsync(db => db.AdminLogEntries.SingleAsync());
        Assert.Equal((AdminLogAction.Change, Id(a)), (entry.Action, entry.ObjectId));
        Assert.Contains("Accepting patients", entry.ChangeMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _root.PostAdminAsync("/admin/clinic/doctor/", ("action", "nope"), ("_selected_action", Id(b)))).StatusCode);
    }

    [Fact]
    public async Task Dashboard_ShowsTheUsersOwnRecentActions()
    {
        await _root.PostAdminAsync("/admin/clinic/doctor/add/", ("Name", "Recent <b>one</b>"), ("Specialty", "General"));
        var (other, _) = await _host.SignInAsync("other@example.com", superuser: true);
        await other.PostAdminAsync("/admin/clinic/doctor/add/", ("Name", "Someone else's"), ("Specialty", "General"));

        var (_, dashboard) = await _root.GetHtmlAsync("/admin/");

        Assert.Contains("Dr Recent &lt;b&gt;one&lt;/b&gt;", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>one</b>", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else", dashboard, StringComparison.Ordinal);
    }

    private static string Id(Doctor doctor) => doctor.Id.ToString(CultureInfo.InvariantCulture);

    private static string Select(string html, string name)
    {
        var start = html.IndexOf($"<select id=\"id_{name}\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }
}
