namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>One rule of the doctor: reads what it needs (through the shared context, which reads each thing once) and reports.</summary>
internal interface IDoctorRule
{
    /// <summary>The rule's name, as <c>mnemo doctor --rule</c> takes it.</summary>
    string Name { get; }

    /// <summary>The rule's findings; empty when it found nothing. Reads only.</summary>
    Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken);
}
