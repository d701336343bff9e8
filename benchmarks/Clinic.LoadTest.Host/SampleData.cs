namespace Clinic.LoadTest.Host;

/// <summary>Fixed data the benchmark pages render, so every endpoint produces the same bytes.</summary>
internal static class SampleData
{
    public static IReadOnlyList<DoctorRow> Doctors { get; } =
        Enumerable.Range(1, 20).Select(i => new DoctorRow(i, $"Doctor {i}", i % 2 == 0 ? "Cardiology" : "Pediatrics")).ToArray();

    public sealed record DoctorRow(int Id, string Name, string Speciality);
}
