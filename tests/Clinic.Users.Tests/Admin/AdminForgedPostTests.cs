using System.Globalization;
using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Tests.Admin;

/// <summary>
/// PERM-03 and SIG-05: for each model permission, a user holding only that one sends every admin POST by hand; each
/// one it does not grant is refused with 403, changes no row and fires no model signal.
/// </summary>
[Trait("Case", "PERM-03")]
[Trait("Case", "SIG-05")]
public sealed class AdminForgedPostTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;
    private SignalTally _signals = null!;
    private Doctor _doctor = null!;
    private TestUser _target = null!;
    private ClinicGroup _group = null!;

    public async Task InitializeAsync()
    {
        (_host, _signals, _) = await AdminTestHost.StartAsync();
        _doctor = await _host.AddDoctorAsync("House", appointments: 1);
        _target = await _host.CreateUserAsync("target@example.com");
        _group = await _host.CreateGroupAsync("Nurses", "clinic.view_doctor");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Held => new() { "view", "add", "change", "delete" };

    [Theory]
    [MemberData(nameof(Held))]
    public async Task Post_EveryUngrantedAction_IsForbiddenAndChangesNothing(string held)
    {
        var (client, _) = await _host.SignInAsync($"{held}@example.com", permissions: [$"clinic.{held}_doctor", $"tests.{held}_testuser", $"auth.{held}_group"]);
        var doctor = _doctor.Id.ToString(CultureInfo.InvariantCulture);
        var group = _group.Id.ToString(CultureInfo.InvariantCulture);
        var requests = new (string Needs, string Path, (string, string)[] Form)[]
        {
            ("add", "/admin/clinic/doctor/add/", [("Name", "Forged"), ("Specialty", "General")]),
            ("change", $"/admin/clinic/doctor/{doctor}/change/", [("Name", "Forged"), ("Specialty", "General"), ("IsAccepting", "true")]),
            ("change", $"/admin/clinic/doctor/{doctor}/change/", [("Name", "Forged"), ("Specialty", "General"), ("_saveasnew", "Save as new")]),
            ("change", "/admin/clinic/doctor/", [("action", "close_list"), ("_selected_action", doctor)]),
            ("change", "/admin/clinic/doctor/", [("form-TOTAL_FORMS", "1"), ("form-0-Name", "Listed"), ("action", "close_list"), ("_selected_action", doctor)]),
            ("delete", $"/admin/clinic/doctor/{doctor}/delete/", [("post", "yes")]),
            ("delete", "/admin/clinic/doctor/", [("action", "delete_selected"), ("_selected_action", doctor), ("post", "yes")]),
            ("add", "/admin/clinic/appointment/add/", [("PatientName", "Inline"), ("DoctorId", doctor), ("Day", "2026-02-01"), ("Fee", "1")]),
            ("add", "/admin/auth/user/add/", [("Email", "forged@example.com"), ("Password", "a long enough pass"), ("ConfirmPassword", "a long enough pass")]),
            ("change", $"/admin/auth/user/{_target.Id}/change/", [("Email", "forged@example.com"), ("IsActive", "true"), ("IsSuperuser", "true")]),
            ("change", $"/admin/auth/user/{_target.Id}/password/", [("NewPassword", "a long enough pass"), ("ConfirmNewPassword", "a long enough pass")]),
            ("delete", $"/admin/auth/user/{_target.Id}/delete/", [("post", "yes")]),
            ("add", "/admin/auth/group/add/", [("Name", "Forged")]),
            ("change", $"/admin/auth/group/{group}/change/", [("Name", "Forged")]),
            ("delete", $"/admin/auth/group/{group}/delete/", [("post", "yes")]),
        };
        var before = await Snapshot();
        _signals.Reset();

        foreach (var (needs, path, form) in requests.Where(r => r.Needs != held))
        {
            var response = await client.PostAdminAsync(path, form);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{held} → POST {path}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("AQAAAA", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await Snapshot());
        Assert.Equal(0, _signals.Count);
    }

    [Theory]
    [MemberData(nameof(Held))]
    public async Task Get_EveryUngrantedPage_IsForbidden(string held)
    {
        var (client, _) = await _host.SignInAsync($"{held}@example.com", permissions: [$"clinic.{held}_doctor"]);
        var doctor = _doctor.Id.ToString(CultureInfo.InvariantCulture);
        var pages = new (string[] Allowed, string Path)[]
        {
            (["view", "change"], "/admin/clinic/doctor/"),
            (["view", "change"], $"/admin/clinic/doctor/{doctor}/change/"),
            (["view", "change"], $"/admin/clinic/doctor/{doctor}/history/"),
            (["add"], "/admin/clinic/doctor/add/"),
            (["delete"], $"/admin/clinic/doctor/{doctor}/delete/"),
        };

        foreach (var (allowed, path) in pages)
        {
            var expected = allowed.Contains(held) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True((await client.GetAsync(path)).StatusCode == expected, $"{held} → GET {path}: expected {expected}");
        }
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejectedAndChangesNothing()
    {
        var (client, _) = await _host.SignInAsync("root@example.com", superuser: true);
        var before = await Snapshot();
        _signals.Reset();

        var response = await client.PostAsync($"/admin/clinic/doctor/{_doctor.Id}/delete/", new FormUrlEncodedContent([new("post", "yes")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await Snapshot());
        Assert.Equal(0, _signals.Count);
    }

    private Task<string> Snapshot() => _host.DbAsync(async db =>
    {
        var doctors = await db.Doctors.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id + ":" + d.Name + ":" + d.IsAccepting + ":" + d.Version).ToListAsync();
        var appointments = await db.Appointments.CountAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => u.Email + ":" + u.IsSuperuser + ":" + u.PasswordHash).ToListAsync();
        var groups = await db.ClinicGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Id + ":" + g.Name).ToListAsync();
        var log = await db.AdminLogEntries.CountAsync();
        return $"{string.Join(',', doctors)}|{appointments}|{string.Join(',', users)}|{string.Join(',', groups)}|{log}";
    });
}
