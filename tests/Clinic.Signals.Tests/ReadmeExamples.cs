using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

#pragma warning disable CA1848 // The README shows the plain logging call on purpose.

namespace Clinic.Signals.Tests.Readme;

// The README's snippets, compiled (and the set-up run) so they stay true.

public sealed record UserLoggedIn(string UserName, string? IpAddress);

public static class AccountSignals
{
    public static readonly Signal<UserLoggedIn> LoggedIn = new();
}

public sealed class User
{
    public int Id { get; set; }

    [MaxLength(100)]
    public string Email { get; set; } = "";
}

public sealed class Profile
{
    public int Id { get; set; }

    public int UserId { get; set; }
}

public sealed class Patient
{
    public int Id { get; set; }

    [MaxLength(100)]
    public string Name { get; set; } = "";

    public int? DoctorId { get; set; }
}

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<Patient> Patients => Set<Patient>();
}

public interface IMailer
{
    void Send(string recipient, string subject);
}

public sealed class ListMailer : IMailer
{
    public List<string> Sent { get; } = [];

    public void Send(string recipient, string subject) => Sent.Add(recipient + ": " + subject);
}

public static class Metrics
{
    public static int Last { get; private set; }

    public static void Record(int statusCode) => Last = statusCode;
}

public sealed class CreateProfile(AppDbContext db) : ISignalReceiver<PostSaveArgs<User>>
{
    public async ValueTask ReceiveAsync(object? sender, PostSaveArgs<User> args, CancellationToken cancellationToken)
    {
        if (args.Created)
        {
            db.Profiles.Add(new Profile { UserId = args.Entity.Id });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

public sealed class SendWelcomeMail(IMailer mailer) : ISignalReceiver<PostSaveArgs<User>>
{
    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<User> args, CancellationToken cancellationToken)
    {
        if (args.Created)
        {
            args.Context.OnCommit(() => mailer.Send(args.Entity.Email, "Welcome"));
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class AuditFailures(ILogger<AuditFailures> logger) : ISignalReceiver<GotRequestExceptionArgs>
{
    public ValueTask ReceiveAsync(object? sender, GotRequestExceptionArgs args, CancellationToken cancellationToken)
    {
        logger.LogWarning(args.Exception, "{Path} failed", args.HttpContext.Request.Path);
        return ValueTask.CompletedTask;
    }
}

public sealed class ReadmeExamples
{
    [Fact]
    public async Task Readme_SetUpAndUses_WorkAsDescribed()
    {
        var builder = WebApplication.CreateBuilder();
        var database = $"Data Source={Path.Combine(Path.GetTempPath(), "clinic-signals-readme-" + Guid.NewGuid().ToString("N") + ".db")}";
        builder.Services.AddClinicSignals();
        builder.Services.AddDbContext<AppDbContext>((sp, options) => options
            .UseSqlite(database)
            .UseClinicSignals(sp));
        builder.Services.AddSingleton<IMailer, ListMailer>();
        builder.Services.AddSignalReceiver<PostSaveArgs<User>, CreateProfile>();
        builder.Services.AddSignalReceiver<PostSaveArgs<User>, SendWelcomeMail>();
        builder.Services.AddSignalReceiver<GotRequestExceptionArgs, AuditFailures>();
        await using var app = builder.Build();
        app.UseClinicRequestSignals();

        var logins = new List<string>();
        using (AccountSignals.LoggedIn.Connect((sender, args) => logins.Add($"{args.UserName} logged in from {args.IpAddress}"), sender: null, dispatchId: "log-logins"))
        {
            AccountSignals.LoggedIn.Send(sender: this, new UserLoggedIn("ann", "203.0.113.7"));
            Assert.Empty(AccountSignals.LoggedIn.SendRobust(this, new UserLoggedIn("bob", null)));
            await AccountSignals.LoggedIn.SendAsync(this, new UserLoggedIn("cid", null), CancellationToken.None);
        }

        Assert.Equal(3, logins.Count);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.EnsureCreatedAsync();
        using var trim = ModelSignals.PreSave<Patient>().Connect(
            (sender, args) =>
            {
                args.Entity.Name = args.Entity.Name.Trim();
                if (args.Entity.Name.Length == 0)
                {
                    throw new ValidationException("A patient needs a name.");
                }
            },
            sender: db);

        db.Users.Add(new User { Email = "ann@example.com" });
        db.Patients.Add(new Patient { Name = "  Ann  " });
        await db.SaveChangesAsync();

        Assert.Equal(1, await db.Profiles.CountAsync());
        Assert.Equal("Ann", (await db.Patients.SingleAsync()).Name);
        Assert.Equal(["ann@example.com: Welcome"], ((ListMailer)app.Services.GetRequiredService<IMailer>()).Sent);
        db.Patients.Add(new Patient { Name = " " });
        await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync());
        await db.Database.EnsureDeletedAsync();
    }
}
