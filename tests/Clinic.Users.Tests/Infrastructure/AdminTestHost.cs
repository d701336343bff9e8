using System.Net;
using System.Text.RegularExpressions;
using Clinic.Signals;
using Clinic.Users.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>The Users test host with the admin switched on (doctors and appointments registered) and model signals counted.</summary>
public static partial class AdminTestHost
{
    public const string Password = "correct horse 42";

    public static async Task<(UsersTestHost Host, SignalTally Signals, LogSink Logs)> StartAsync(string kind = "sqlite", Action<ClinicAdminOptions>? admin = null, Action<WebApplication>? pipeline = null, bool loopback = false)
    {
        var signals = new SignalTally();
        var logs = new LogSink();
        var host = await UsersTestHost.StartAsync(
            TestDatabase.Create(kind),
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.AddSingleton<ILoggerProvider>(logs);
                s.ConfigureDbContext<TestDbContext>((sp, o) => o.UseClinicSignals(sp));
                s.AddSingleton(signals);
                var add = typeof(SignalsServiceCollectionExtensions).GetMethod(nameof(SignalsServiceCollectionExtensions.AddSignalReceiver))!;
                foreach (var receiver in typeof(SignalCounter).GetInterfaces())
                {
                    add.MakeGenericMethod(receiver.GetGenericArguments()[0], typeof(SignalCounter)).Invoke(null, [s, ServiceLifetime.Singleton]);
                }

                s.AddClinicUsers<TestUser, TestDbContext>().AddAdmin(a =>
                {
                    a.ListPerPage = 5;
                    a.ForeignKeyChoices = 3;
                    a.Register<Doctor>(m => m.List(d => d.Name, d => d.Email, d => d.Specialty, d => d.IsAccepting)
                        .Search(d => d.Name, d => d.Email)
                        .Filter(d => d.Specialty, d => d.IsAccepting)
                        .OrderBy(d => d.Name)
                        .Action("close_list", async ctx =>
                        {
                            foreach (var doctor in ctx.Items)
                            {
                                doctor.IsAccepting = false;
                            }

                            ctx.Message = $"Closed the lists of {ctx.Items.Count} doctors.";
                            await Task.CompletedTask;
                        }, "Close patient lists"));
                    a.Register<Appointment>(m => m.List(x => x.PatientName, x => x.DoctorId, x => x.Day, x => x.Fee).Search(x => x.PatientName).Filter(x => x.DoctorId));
                    admin?.Invoke(a);
                });
            },
            pipeline: app =>
            {
                app.MapAccountEndpoints();
                app.MapClinicAdmin();
                pipeline?.Invoke(app);
            },
            loopback: loopback);
        return (host, signals, logs);
    }

    /// <summary>A signed-in client for a new user with the given flags and permissions ("app.codename").</summary>
    public static async Task<(HttpClient Client, TestUser User)> SignInAsync(this UsersTestHost host, string email, bool staff = true, bool superuser = false, params string[] permissions)
    {
        var user = await host.CreateUserAsync(email, Password, u =>
        {
            u.IsStaff = staff;
            u.IsSuperuser = superuser;
        });
        if (permissions.Length > 0)
        {
            await host.InScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
                var tracked = await users.FindByIdAsync(user.Id);
                foreach (var permission in permissions)
                {
                    Assert.True(await users.AddPermissionAsync(tracked!, permission), permission);
                }
            });
        }

        var client = host.CreateClient();
        Assert.Equal("ok", await client.LoginAsync(email, Password));
        return (client, user);
    }

    /// <summary>Posts a form (repeated names allowed) with a fresh antiforgery token, without following redirects.</summary>
    public static async Task<HttpResponseMessage> PostAdminAsync(this HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        form.Add(new("__RequestVerificationToken", await client.TokenAsync()));
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static async Task<(HttpStatusCode Status, string Html)> GetHtmlAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Task<T> DbAsync<T>(this UsersTestHost host, Func<TestDbContext, Task<T>> query) =>
        host.InScopeAsync(sp => query(sp.GetRequiredService<TestDbContext>()));

    public static async Task<int> PermissionIdAsync(this UsersTestHost host, string permission)
    {
        var dot = permission.IndexOf('.', StringComparison.Ordinal);
        return await host.DbAsync(db => db.ClinicPermissions.Where(p => p.AppLabel == permission.Substring(0, dot) && p.Codename == permission.Substring(dot + 1)).Select(p => p.Id).SingleAsync());
    }

    public static async Task<Doctor> AddDoctorAsync(this UsersTestHost host, string name, int appointments = 0, Specialty specialty = Specialty.General)
    {
        return await host.DbAsync(async db =>
        {
            var doctor = new Doctor { Name = name, Specialty = specialty, ApiSecret = "s3cr3t-" + name };
            db.Doctors.Add(doctor);
            for (var i = 0; i < appointments; i++)
            {
                db.Appointments.Add(new Appointment { Doctor = doctor, PatientName = $"Patient {i} of {name}", Day = new DateOnly(2026, 1, 1 + i), Fee = 50 });
            }

            await db.SaveChangesAsync();
            return doctor;
        });
    }

    /// <summary>The text of every row header link in a change list, in order.</summary>
    public static IReadOnlyList<string> RowLinks(string html) =>
        [.. RowLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<th scope=\"row\">\\s*<a href=\"[^\"]*\">([^<]*)</a>\\s*</th>")]
    private static partial Regex RowLink();
}
