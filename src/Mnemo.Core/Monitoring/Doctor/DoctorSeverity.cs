namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>How much a doctor's finding matters.</summary>
public enum DoctorSeverity
{
    /// <summary>Worth knowing; nothing degrades if left alone.</summary>
    Info,

    /// <summary>Costs space, time or correctness if left alone.</summary>
    Warning,

    /// <summary>Stops something from working now or soon (a quota reached, an index of another model).</summary>
    Critical,
}
