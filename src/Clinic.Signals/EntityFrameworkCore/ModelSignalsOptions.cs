namespace Clinic.Signals;

/// <summary>Options of the model signals, given to <c>options.UseClinicSignals(serviceProvider, o =&gt; ...)</c>.</summary>
public sealed class ModelSignalsOptions
{
    /// <summary>
    /// Whether deleting an entity loads its dependents that the model deletes by cascade (<c>DeleteBehavior.Cascade</c>
    /// or <c>ClientCascade</c>) and are not tracked yet, so each of them gets pre-delete and post-delete signals, as in
    /// Django. Costs one query per cascading navigation of each deleted entity. Default <see langword="true"/>; when
    /// <see langword="false"/>, dependents that are not tracked are deleted by the database without signals.
    /// </summary>
    public bool SignalCascadeDeletes { get; set; } = true;
}
