using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Clinic.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point of the micro benchmarks.</summary>
public partial class Program;
