namespace Clinic.Signals.Internal;

/// <summary>Waits for a <see cref="ValueTask"/> on a synchronous path (EF Core's <c>SaveChanges</c>, <c>Send</c>).</summary>
internal static class ValueTaskWait
{
    public static void Wait(this ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }
}
