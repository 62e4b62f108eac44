using ThiDua.Data;
using ThiDua.Features.Eligibility;

namespace ThiDua.Features.Registrations;

/// <summary>The eligibility engine's verdict for a person and a code, shown beside a person line as a hint.</summary>
public sealed record LineHint(Verdict Verdict, IReadOnlyList<string> Reasons);

/// <summary>
/// Hints for person lines: the engine's verdicts for the year before the registration (year − 1), from the registry's
/// facts and the rule set in force that year, through the same code as a person's page (RegistryFacts, EligibilityEngine).
/// </summary>
public static class RegistrationHints
{
    public sealed record Result(int Year, string? Problem, IReadOnlyDictionary<(int PersonId, string Code), LineHint> Hints);

    public static async Task<Result> ForPeopleAsync(AppDbContext db, RuleBookStore rules, int registrationYear, IReadOnlyCollection<(int PersonId, string Code)> lines, CancellationToken ct = default)
    {
        var year = registrationYear - 1;
        var hints = new Dictionary<(int, string), LineHint>();
        if (lines.Count == 0) return new Result(year, null, hints);
        var set = (await rules.GetAsync(ct)).Find(year);
        if (set is null) return new Result(year, People.DetailsModel.NoRuleSetMessage(year), hints);
        var engine = new EligibilityEngine(set, year);
        var ids = lines.Select(l => l.PersonId).Distinct().ToList();
        var loaded = await RegistryFacts.LoadAsync(db, db.People.Where(p => ids.Contains(p.Id)).Select(p => p.Id), null, ct);
        var wanted = lines.ToHashSet();
        for (var i = 0; i < loaded.People.Count; i++)
        {
            var personId = loaded.People[i].Id;
            foreach (var r in engine.Evaluate(loaded.Facts[i]))
            {
                if (wanted.Contains((personId, r.Code))) hints[(personId, r.Code)] = new LineHint(r.Verdict, r.Reasons);
            }
        }
        return new Result(year, null, hints);
    }
}
