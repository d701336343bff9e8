using Clinic.Caching;
using Clinic.Erp.Domain;
using Clinic.Signals;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Infrastructure;

/// <summary>
/// Drops the cached doctor list pages (tag <see cref="Pages.Doctors.IndexModel.CacheTag"/>) when a doctor or patient is
/// saved or deleted, or a doctor's name changes on their account, once the change is committed (Clinic.Signals'
/// on-commit), so the next GET renders the change and never caches what a rollback undid.
/// </summary>
internal sealed class DoctorListCacheInvalidation(IResponseCacheInvalidator cache) :
    ISignalReceiver<PostSaveArgs<Doctor>>,
    ISignalReceiver<PostDeleteArgs<Doctor>>,
    ISignalReceiver<PostSaveArgs<Patient>>,
    ISignalReceiver<PostDeleteArgs<Patient>>,
    ISignalReceiver<PostSaveArgs<ErpUser>>
{
    private static readonly string[] NameProperties = [nameof(ErpUser.FirstName), nameof(ErpUser.LastName)];

    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<Doctor> args, CancellationToken cancellationToken) =>
        InvalidateAfterCommitAsync(args.Context, cancellationToken);

    public ValueTask ReceiveAsync(object? sender, PostDeleteArgs<Doctor> args, CancellationToken cancellationToken) =>
        InvalidateAfterCommitAsync(args.Context, cancellationToken);

    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<Patient> args, CancellationToken cancellationToken) =>
        InvalidateAfterCommitAsync(args.Context, cancellationToken);

    public ValueTask ReceiveAsync(object? sender, PostDeleteArgs<Patient> args, CancellationToken cancellationToken) =>
        InvalidateAfterCommitAsync(args.Context, cancellationToken);

    /// <summary>Only a name change matters (every sign-in saves the user's last login, which the list does not show).</summary>
    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<ErpUser> args, CancellationToken cancellationToken) =>
        !args.Created && args.ChangedProperties.Any(NameProperties.Contains)
            ? InvalidateAfterCommitAsync(args.Context, cancellationToken)
            : ValueTask.CompletedTask;

    private ValueTask InvalidateAfterCommitAsync(DbContext context, CancellationToken cancellationToken) =>
        context.OnCommitAsync(ct => cache.InvalidateTagAsync(Pages.Doctors.IndexModel.CacheTag, ct), cancellationToken);
}
