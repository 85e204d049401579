using Hl7.Fhir.Model;

namespace FusionGuide.Testing.Fhir;

/// <summary>Builds test patients as FHIR R4 resources with the Firely SDK (no hand-written FHIR JSON).</summary>
public sealed class BundleBuilder(string patientId)
{
    private const string Loinc = "http://loinc.org";
    private const string Snomed = "http://snomed.info/sct";
    private readonly List<Resource> resources = [];
    private int next;

    public string PatientId { get; } = patientId;

    public IReadOnlyList<Resource> Resources => resources;

    private ResourceReference Subject => new($"Patient/{PatientId}");

    private T Add<T>(T r) where T : Resource
    {
        r.Id ??= $"{r.TypeName.ToLowerInvariant()}-{++next}";
        resources.Add(r);
        return r;
    }

    /// <summary>Adds a resource built by the test.</summary>
    public BundleBuilder With(Resource r)
    {
        Add(r);
        return this;
    }

    public BundleBuilder Patient(string birthDate, AdministrativeGender gender)
    {
        Add(new Hl7.Fhir.Model.Patient { Id = PatientId, BirthDate = birthDate, Gender = gender });
        return this;
    }

    public BundleBuilder Smoking(string snomed) => Obs(new CodeableConcept(Loinc, "72166-2", "Tobacco smoking status"), new CodeableConcept(Snomed, snomed), "2024-01-05");

    public BundleBuilder Ecog(int score)
    {
        Add(new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept(Loinc, "89247-1", "ECOG Performance Status score"), Subject = Subject, Effective = new FhirDateTime("2024-01-05"), Value = new Integer(score) });
        return this;
    }

    public BundleBuilder Primary(string morphologySnomed, string stageSnomed)
    {
        var c = new Condition
        {
            Meta = new Meta { Profile = ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition"] },
            Code = new CodeableConcept(Snomed, "254637007", "Non-small cell lung cancer"), Subject = Subject,
            Stage = [new Condition.StageComponent { Summary = new CodeableConcept(Snomed, stageSnomed) }],
        };
        c.Extension.Add(new Extension("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior", new CodeableConcept(Snomed, morphologySnomed)));
        Add(c);
        return this;
    }

    public BundleBuilder Metastasis(string snomed, string display)
    {
        Add(new Condition
        {
            Meta = new Meta { Profile = ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition"] },
            Code = new CodeableConcept(Snomed, snomed, display), Subject = Subject,
        });
        return this;
    }

    public BundleBuilder Comorbidity(string system, string code, string display)
    {
        Add(new Condition { Code = new CodeableConcept(system, code, display), Subject = Subject });
        return this;
    }

    public BundleBuilder AlkIhc(string date)
    {
        var specimen = Specimen("TUMOR", "Tumor");
        Add(new Observation
        {
            Meta = new Meta { Profile = ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test"] },
            Status = ObservationStatus.Final, Code = new CodeableConcept { Text = "ALK protein [Presence] in Tissue by Immune stain" },
            Method = new CodeableConcept(Snomed, "117617002", "Immunohistochemistry procedure", "IHC, clone D5F3"),
            Subject = Subject, Effective = new FhirDateTime(date), Specimen = specimen,
            Value = new CodeableConcept(Loinc, "LA6576-8", "Positive"),
        });
        return this;
    }

    /// <summary>A Genomics Reporting variant: gene-studied components (two for a fusion), an optional protein change.</summary>
    public BundleBuilder Variant(string date, string specimenType, string method, string? protein, params (string Hgnc, string Symbol)[] genes)
    {
        var o = new Observation
        {
            Meta = new Meta { Profile = ["http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/variant"] },
            Status = ObservationStatus.Final, Code = new CodeableConcept(Loinc, "69548-6", "Genetic variant assessment"), Subject = Subject,
            Effective = new FhirDateTime(date), Specimen = Specimen(specimenType, specimenType),
            Value = new CodeableConcept(Loinc, "LA9633-4", "Present"), Method = new CodeableConcept(Loinc, "LA26398-0", "Sequencing", method),
        };
        foreach (var (hgnc, symbol) in genes)
        {
            o.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, "48018-6"), Value = new CodeableConcept("http://www.genenames.org", hgnc, symbol) });
        }

        if (protein is not null)
        {
            o.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, "48005-3"), Value = new CodeableConcept("http://varnomen.hgvs.org", protein) });
        }

        Add(o);
        return this;
    }

    public BundleBuilder Therapy(string rxnorm, string name, string start, string? end, string? stopReason, string? stopCode = "266721009")
    {
        var s = new MedicationStatement
        {
            Status = end is null ? MedicationStatement.MedicationStatusCodes.Active : MedicationStatement.MedicationStatusCodes.Stopped,
            Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, name), Subject = Subject,
            Effective = new Period { Start = start, End = end },
        };
        if (stopReason is not null)
        {
            s.StatusReason.Add(new CodeableConcept(Snomed, stopCode, null, stopReason));
        }

        Add(s);
        return this;
    }

    public BundleBuilder CoMedication(string rxnorm, string name)
    {
        Add(new MedicationStatement { Status = MedicationStatement.MedicationStatusCodes.Active, Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, name), Subject = Subject });
        return this;
    }

    public Bundle Bundle()
    {
        var b = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Collection };
        foreach (var r in resources)
        {
            b.Entry.Add(new Bundle.EntryComponent { FullUrl = $"http://example.org/fhir/{r.TypeName}/{r.Id}", Resource = r });
        }

        return b;
    }

    /// <summary>The resources of some types as a searchset Bundle (a prefetch value).</summary>
    public Bundle Search(params string[] types)
    {
        var b = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset };
        foreach (var r in resources.Where(r => types.Contains(r.TypeName)))
        {
            b.Entry.Add(new Bundle.EntryComponent { FullUrl = $"http://example.org/fhir/{r.TypeName}/{r.Id}", Resource = r });
        }

        b.Total = b.Entry.Count;
        return b;
    }

    private BundleBuilder Obs(CodeableConcept code, CodeableConcept value, string date)
    {
        Add(new Observation { Status = ObservationStatus.Final, Code = code, Subject = Subject, Effective = new FhirDateTime(date), Value = value });
        return this;
    }

    private ResourceReference Specimen(string v2Type, string display)
    {
        var s = Add(new Specimen { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0487", v2Type, display), Subject = Subject });
        return new ResourceReference($"Specimen/{s.Id}");
    }
}
