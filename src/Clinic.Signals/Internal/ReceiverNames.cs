namespace Clinic.Signals.Internal;

/// <summary>Readable names of receivers for logs and messages.</summary>
internal static class ReceiverNames
{
    public static string Describe(object receiver) => receiver switch
    {
        Delegate d => $"{d.Method.DeclaringType?.FullName}.{d.Method.Name}",
        _ => receiver.GetType().FullName ?? receiver.GetType().Name,
    };
}
