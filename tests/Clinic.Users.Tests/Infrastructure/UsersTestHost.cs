using System.Net;
using Clinic.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>The one host-building helper: a TestServer app with Clinic.Users on a throw-away database.</summary>
public sealed class UsersTestHost : IAsyncDisposable
{
    private UsersTestHost(WebApplication app, TestDatabase database, QueryCounter queries, bool loopback = false)
    {
        App = app;
        Database = database;
        Queries = queries;
        Server = loopback ? null! : app.GetTestServer();
        LoopbackAddress = loopback ? new Uri(app.Urls.First()) : null;
    }

    public WebApplication App { get; }

    public TestDatabase Database { get; }

    public QueryCounter Queries { get; }

    public TestServer Server { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The Kestrel address when started with <c>loopback: true</c> (browser tests); otherwise <see langword="null"/>.</summary>
    public Uri? LoopbackAddress { get; }

    public static async Task<UsersTestHost> StartAsync(
        TestDatabase database,
        Action<ClinicUsersOptions>? options = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? pipeline = null,
        Action<WebApplication>? beforeAuthentication = null,
        bool loopback = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (loopback)
        {
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        var queries = new QueryCounter();
        builder.Services.AddDbContext<TestDbContext>(o =>
        {
            database.Configure(o);
            o.AddInterceptors(queries);
        });
        builder.Services.AddClinicUsers<TestUser, TestDbContext>(o =>
        {
            o.PasswordIterations = 1_000;
            options?.Invoke(o);
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        }

        app.UseTestConnection();
        app.UseRouting();
        beforeAuthentication?.Invoke(app);
        app.UseAuthentication();
        app.UseAuthorization();
        pipeline?.Invoke(app);
        await app.StartAsync();
        return new UsersTestHost(app, database, queries, loopback);
    }

    /// <summary>An HTTP client with its own cookie jar.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new CookieHandler(cookies ?? new CookieContainer()) { InnerHandler = Server.CreateHandler() })
        {
            BaseAddress = new Uri("http://localhost/"),
        };

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) =>
        InScopeAsync(async sp =>
        {
            await action(sp);
            return 0;
        });

    public async Task<TestUser> CreateUserAsync(string email, string password = "correct horse 42", Action<TestUser>? configure = null)
    {
        return await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            var user = new TestUser { Email = email };
            configure?.Invoke(user);
            var result = await users.CreateAsync(user, password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return user;
        });
    }

    public async Task<ClinicGroup> CreateGroupAsync(string name, params string[] permissions)
    {
        return await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestDbContext>();
            var group = new ClinicGroup { Name = name };
            foreach (var permission in permissions)
            {
                var dot = permission.IndexOf('.', StringComparison.Ordinal);
                var p = await db.ClinicPermissions.SingleAsync(x => x.AppLabel == permission.Substring(0, dot) && x.Codename == permission.Substring(dot + 1));
                group.Permissions.Add(new ClinicGroupPermission { Permission = p });
            }

            db.ClinicGroups.Add(group);
            await db.SaveChangesAsync();
            return group;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class CookieHandler : DelegatingHandler
    {
        private readonly CookieContainer _cookies;

        public CookieHandler(CookieContainer cookies)
        {
            _cookies = cookies;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = _cookies.GetCookieHeader(request.RequestUri!);
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    _cookies.SetCookies(request.RequestUri!, setCookie);
                }
            }

            return response;
        }
    }
}
