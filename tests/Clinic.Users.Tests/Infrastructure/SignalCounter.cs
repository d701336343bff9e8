using Clinic.Signals;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>The counts, shared by every <see cref="SignalCounter"/> instance of one host.</summary>
public sealed class SignalTally
{
    internal int _count;
    internal int _postSaveDoctor;
    internal int _postDeleteAppointment;

    public int Count => Volatile.Read(ref _count);

    public int PostSaveDoctor => Volatile.Read(ref _postSaveDoctor);

    public int PostDeleteAppointment => Volatile.Read(ref _postDeleteAppointment);

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _postSaveDoctor, 0);
        Interlocked.Exchange(ref _postDeleteAppointment, 0);
    }
}

/// <summary>Counts every model signal the admin's saves send for the entities it edits.</summary>
public sealed class SignalCounter(SignalTally tally) :
    ISignalReceiver<PreSaveArgs<Doctor>>, ISignalReceiver<PostSaveArgs<Doctor>>, ISignalReceiver<PreDeleteArgs<Doctor>>, ISignalReceiver<PostDeleteArgs<Doctor>>,
    ISignalReceiver<PreSaveArgs<Appointment>>, ISignalReceiver<PostSaveArgs<Appointment>>, ISignalReceiver<PreDeleteArgs<Appointment>>, ISignalReceiver<PostDeleteArgs<Appointment>>,
    ISignalReceiver<PreSaveArgs<TestUser>>, ISignalReceiver<PostSaveArgs<TestUser>>, ISignalReceiver<PreDeleteArgs<TestUser>>, ISignalReceiver<PostDeleteArgs<TestUser>>,
    ISignalReceiver<PreSaveArgs<ClinicGroup>>, ISignalReceiver<PostSaveArgs<ClinicGroup>>, ISignalReceiver<PreDeleteArgs<ClinicGroup>>, ISignalReceiver<PostDeleteArgs<ClinicGroup>>,
    ISignalReceiver<PostSaveArgs<AdminLogEntry>>
{
    public ValueTask ReceiveAsync(object? sender, PreSaveArgs<Doctor> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<Doctor> args, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref tally._postSaveDoctor);
        return Hit();
    }

    public ValueTask ReceiveAsync(object? sender, PreDeleteArgs<Doctor> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostDeleteArgs<Doctor> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PreSaveArgs<Appointment> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<Appointment> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PreDeleteArgs<Appointment> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostDeleteArgs<Appointment> args, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref tally._postDeleteAppointment);
        return Hit();
    }

    public ValueTask ReceiveAsync(object? sender, PreSaveArgs<TestUser> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<TestUser> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PreDeleteArgs<TestUser> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostDeleteArgs<TestUser> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PreSaveArgs<ClinicGroup> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<ClinicGroup> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PreDeleteArgs<ClinicGroup> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostDeleteArgs<ClinicGroup> args, CancellationToken cancellationToken) => Hit();

    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<AdminLogEntry> args, CancellationToken cancellationToken) => Hit();

    private ValueTask Hit()
    {
        Interlocked.Increment(ref tally._count);
        return ValueTask.CompletedTask;
    }
}
