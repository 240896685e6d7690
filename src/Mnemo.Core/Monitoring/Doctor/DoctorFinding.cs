namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>One problem a doctor's rule found, with the measured evidence and the command that deals with it.</summary>
/// <param name="Rule">The rule's name (see <see cref="DoctorRules.Names"/>).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Summary">One line saying what was found, with its main figure.</param>
/// <param name="Evidence">The figures and example keys it rests on, one line each.</param>
/// <param name="Advice">What to do about it, naming the command.</param>
public sealed record DoctorFinding(string Rule, DoctorSeverity Severity, string Summary, IReadOnlyList<string> Evidence, string Advice);
