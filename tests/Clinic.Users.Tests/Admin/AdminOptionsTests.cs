using Clinic.Users.Admin;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests.Admin;

/// <summary>Registrations and options are checked at start-up with messages that say what to change.</summary>
public sealed class AdminOptionsTests
{
    [Fact]
    public async Task Start_InvalidRegistrations_FailsWithClearMessages()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminTestHost.StartAsync(admin: a =>
        {
            a.ListPerPage = 0;
            a.Register<TestUser>();
        }));

        Assert.Contains("ClinicAdminOptions.ListPerPage is 0; choose between 1 and 1,000 (default 100).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EntityNotInTheModelOrSecretListed_FailsWithClearMessages()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminTestHost.StartAsync(admin: a =>
        {
            a.Register<string>();
            a.Register<DoctorVisit>(m => m.Action("Bad Name", _ => Task.CompletedTask));
            a.Register<TestUser>();
        }));

        Assert.Contains("String is registered with the admin but is not an entity of TestDbContext", error.Message, StringComparison.Ordinal);
        Assert.Contains("The admin action \"Bad Name\" of DoctorVisit needs a name of lower-case letters", error.Message, StringComparison.Ordinal);
        Assert.Contains("TestUser has its own admin screens; remove its registration.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_NestedProperty_IsRejectedAtOnce()
    {
        var options = new ClinicAdminOptions();

        var error = Assert.Throws<ArgumentException>(() => options.Register<Appointment>(m => m.List(a => a.Doctor!.Name)));

        Assert.Contains("The admin takes direct properties of Appointment", error.Message, StringComparison.Ordinal);
    }
}
