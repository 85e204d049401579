using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>Patient → age (whole years at the evaluation date, from birthDate) and sex (administrative gender).</summary>
internal static class PatientMapper
{
    public static void Map(Hl7.Fhir.Model.Patient p, string path, MappingContext ctx)
    {
        if (ctx.Draft.PatientId is { } first && first != p.Id)
        {
            // Problems are returned to the caller (CDS Hooks 400, the fhir command): paths and words, never ids or dates.
            ctx.Problem(path, "a second Patient beside the first: a case is about one patient");
            return;
        }

        ctx.Draft.PatientId = p.Id ?? "";
        ctx.Draft.Sex = p.Gender switch
        {
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Male => Sex.Male,
            AdministrativeGender.Other => Sex.Other,
            AdministrativeGender.Unknown => Sex.Unknown,
            _ => null,
        };
        if (p.BirthDate is null)
        {
            ctx.Warn($"{path}.birthDate", "no birth date: the age is unknown");
            return;
        }

        var birth = FhirDates.Earliest(p.BirthDate);
        if (birth is null || p.BirthDate.Length < 4)
        {
            ctx.Warn($"{path}.birthDate", "the birth date could not be read as a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD): the age is unknown");
            return;
        }

        if (birth > ctx.Options.AsOf)
        {
            ctx.Problem($"{path}.birthDate", "the birth date is after the evaluation date");
            return;
        }

        if (p.BirthDate.Length < 10)
        {
            ctx.Warn($"{path}.birthDate", "the birth date is partial (year or month only): the age is counted from its first day", WarningCodes.FhirAssumed);
        }

        var age = FhirDates.Age(birth.Value, ctx.Options.AsOf);
        if (age > 120)
        {
            ctx.Problem($"{path}.birthDate", "the birth date gives an age above 120");
            return;
        }

        ctx.Draft.Age = age;
    }
}
