using Clinic.Erp.Domain;
using Clinic.Signals;
using Clinic.Users;

namespace Clinic.Erp.Infrastructure;

/// <summary>
/// Puts a new doctor's account in the group "Doctors" and a new patient's in "Patients" (Clinic.Signals post-save
/// receivers): registration, the demo seed and the admin all get the same groups without remembering to.
/// Clinic.Users' <c>DefaultGroups</c> would put every new user in the same groups, which is not what two roles need.
/// </summary>
internal sealed class AddToRoleGroup(ClinicUserManager<ErpUser> users) : ISignalReceiver<PostSaveArgs<Doctor>>, ISignalReceiver<PostSaveArgs<Patient>>
{
    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<Doctor> args, CancellationToken cancellationToken) =>
        args.Created ? AddAsync(args.Entity.UserId, ClinicGroups.Doctors) : ValueTask.CompletedTask;

    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<Patient> args, CancellationToken cancellationToken) =>
        args.Created ? AddAsync(args.Entity.UserId, ClinicGroups.Patients) : ValueTask.CompletedTask;

    private async ValueTask AddAsync(string userId, string group)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"User {userId} does not exist.");
        if (!await users.AddToGroupAsync(user, group))
        {
            throw new InvalidOperationException($"Group {group} does not exist; it is created at start-up.");
        }
    }
}
