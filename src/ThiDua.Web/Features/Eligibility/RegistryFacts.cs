using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Eligibility;

/// <summary>
/// Builds the engine's input from the registry. The same facts can be written out as the batch contract's
/// JSON, so a person's verdict in the app can be checked against the command line.
/// </summary>
public static class RegistryFacts
{
    /// <summary>Facts for a few people by id (a person's page); chunked so the id list stays within SQLite's parameter limit.</summary>
    public static async Task<List<IndividualFacts>> ForPeopleAsync(AppDbContext db, IReadOnlyCollection<int> personIds, CancellationToken ct = default)
    {
        var result = new List<IndividualFacts>(personIds.Count);
        foreach (var chunk in personIds.Chunk(900))
        {
            result.AddRange(await ForPeopleAsync(db, db.People.Where(p => chunk.Contains(p.Id)).Select(p => p.Id), ct));
        }
        return result;
    }

    /// <summary>
    /// Facts for every person the <paramref name="personIds"/> subquery selects, one query per table whatever
    /// the number of people (the subquery is inlined as <c>IN (SELECT …)</c>), so a unit of 20.000 people
    /// costs five queries, not five per person or per chunk.
    /// </summary>
    public static async Task<List<IndividualFacts>> ForPeopleAsync(AppDbContext db, IQueryable<int> personIds, CancellationToken ct = default) =>
        (await LoadAsync(db, personIds, null, ct)).Facts;

    /// <summary>A person as the facts and the eligibility list need them: the engine's fields and the name.</summary>
    public sealed record PersonFields(int Id, string PersonalCode, Gender Gender, DateOnly? HiredOn, bool PendingReview,
        string FamilyName, string? MiddleName, string GivenName, string SortKey, string SearchName);

    /// <summary>
    /// <see cref="People"/> and their <see cref="Facts"/> in the same order; with a year asked for, also the LĐTT and
    /// CSTĐCS titles conferred in it by person id, as <see cref="YearMembers.TitlesAsync"/> counts them, taken from
    /// the awards already read rather than read again.
    /// </summary>
    public sealed record Loaded(List<PersonFields> People, List<IndividualFacts> Facts, ILookup<int, string> TitlesOfYear);

    /// <summary>
    /// Everything <see cref="ForPeopleAsync(AppDbContext, IQueryable{int}, CancellationToken)"/> reads, in five
    /// queries, each only the columns the engine uses; a large selection (an agency's people) reads hundreds of
    /// thousands of history rows, so nothing is read twice.
    /// </summary>
    public static async Task<Loaded> LoadAsync(AppDbContext db, IQueryable<int> personIds, int? titlesYear, CancellationToken ct = default)
    {
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new PersonFields(p.Id, p.PersonalCode, p.Gender, p.HiredOn, p.PendingReview, p.FamilyName, p.MiddleName, p.GivenName, p.SortKey, p.SearchName))
            .ToListAsync(ct);
        var ratings = (await db.YearRatings.AsNoTracking().Where(r => personIds.Contains(r.PersonId))
            .Select(r => new { r.PersonId, r.Year, r.Rating }).ToListAsync(ct)).ToLookup(r => r.PersonId, r => (r.Year, r.Rating));
        var discipline = (await db.DisciplineRecords.AsNoTracking().Where(r => personIds.Contains(r.PersonId))
            .Select(r => new { r.PersonId, r.Level, r.From, r.To }).ToListAsync(ct)).ToLookup(r => r.PersonId, r => new DisciplinePeriod(r.Level, r.From, r.To));
        var initiatives = (await db.Initiatives.AsNoTracking().Where(r => personIds.Contains(r.PersonId))
            .Select(r => new { r.PersonId, r.Year, r.Scope, r.UsedFor }).ToListAsync(ct)).ToLookup(r => r.PersonId, r => (r.Year, r.Scope, r.UsedFor));
        var awards = (await db.Awards.AsNoTracking().Where(a => a.PersonId != null && personIds.Contains(a.PersonId.Value) && a.Status == AwardStatus.Conferred && a.RevokedOn == null)
            .Select(a => new { PersonId = a.PersonId!.Value, a.Year, a.Code, a.PeriodTo, a.Basis }).ToListAsync(ct)).ToLookup(a => a.PersonId, a => (a.PersonId, a.Year, a.Code, a.PeriodTo, a.Basis));
        var titles = titlesYear is { } ty
            ? awards.SelectMany(g => g.Where(a => a.Year == ty && a.Code is EligibilityCodes.LDTT or EligibilityCodes.CSTDCS).Select(a => (a.PersonId, a.Code)))
                .Distinct().ToLookup(r => r.PersonId, r => r.Code)
            : Array.Empty<(int PersonId, string Code)>().ToLookup(r => r.PersonId, r => r.Code);
        var result = new List<IndividualFacts>(people.Count);
        foreach (var p in people)
        {
            var years = new Dictionary<int, YearFacts>();
            foreach (var r in ratings[p.Id]) years[r.Year] = new YearFacts(r.Rating, TitleSet.None, 0, 0, InitiativeScope.None);
            var awardFacts = new List<AwardFact>();
            foreach (var a in awards[p.Id])
            {
                if (EligibilityCodes.TryParseAward(a.Code, out var form)) awardFacts.Add(new AwardFact(a.Year, form, a.PeriodTo, a.Basis));
                if (!EligibilityCodes.TryParseTitle(a.Code, out var t)) continue;
                var f = years.GetValueOrDefault(a.Year);
                years[a.Year] = f with { Titles = f.Titles | t };
            }
            foreach (var i in initiatives[p.Id])
            {
                var f = years.GetValueOrDefault(i.Year);
                years[i.Year] = f with
                {
                    Initiatives = (ushort)(f.Initiatives + 1),
                    InitiativesNotUsed = (ushort)(f.InitiativesNotUsed + (string.IsNullOrEmpty(i.UsedFor) ? 1 : 0)),
                    WidestScope = i.Scope > f.WidestScope ? i.Scope : f.WidestScope,
                };
            }
            // Only rated years are facts (as in the contract's input); titles of an unrated year are dropped.
            foreach (var y in years.Where(kv => kv.Value.Rating == Rating.None).Select(kv => kv.Key).ToList()) years.Remove(y);
            var arr = IndividualFacts.BuildYears(years, out var first);
            result.Add(new IndividualFacts
            {
                Id = p.PersonalCode,
                Gender = p.Gender,
                HiredOn = p.HiredOn,
                PendingReview = p.PendingReview,
                Discipline = discipline[p.Id].ToArray(),
                Awards = awardFacts.ToArray(),
                FirstYear = first,
                Years = arr,
            });
        }
        return new Loaded(people, result, titles);
    }

    /// <summary>
    /// The batch contract's input document for these people. A year without a rating but with titles or
    /// initiatives is left out, as the contract requires a rating for every year it lists. Awards carry
    /// <c>periodTo</c> and <c>basis</c> exactly as <see cref="ForPeopleAsync(AppDbContext, IQueryable{int}, CancellationToken)"/>
    /// gives them to the engine, so the command and the app evaluate the same facts.
    /// </summary>
    public static async Task<byte[]> ContractInputAsync(AppDbContext db, IReadOnlyCollection<int> personIds, int asOfYear, CancellationToken ct = default)
    {
        var ids = personIds.ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.SortKey)
            .Select(p => new { p.Id, p.PersonalCode, p.Gender, p.HiredOn, p.PendingReview }).ToListAsync(ct);
        var ratings = (await db.YearRatings.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var discipline = (await db.DisciplineRecords.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var initiatives = (await db.Initiatives.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var awards = (await db.Awards.AsNoTracking().Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value) && a.Status == AwardStatus.Conferred && a.RevokedOn == null).ToListAsync(ct)).ToLookup(a => a.PersonId!.Value);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("asOfYear", asOfYear);
            w.WriteStartArray("individuals");
            foreach (var p in people)
            {
                w.WriteStartObject();
                w.WriteString("id", p.PersonalCode);
                w.WriteString("gender", p.Gender == Gender.Female ? "female" : "male");
                if (p.HiredOn is { } h) w.WriteString("hiredOn", h.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteBoolean("pendingReview", p.PendingReview);
                w.WriteStartArray("discipline");
                foreach (var d in discipline[p.Id])
                {
                    w.WriteStartObject();
                    w.WriteString("level", EligibilityCodes.DisciplineCode(d.Level));
                    w.WriteString("from", d.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("to", d.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("years");
                foreach (var r in ratings[p.Id].OrderBy(r => r.Year))
                {
                    w.WriteStartObject(r.Year.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("rating", r.Rating.ToString());
                    w.WriteStartArray("titles");
                    foreach (var a in awards[p.Id].Where(a => a.Year == r.Year && EligibilityCodes.TryParseTitle(a.Code, out _)).Select(a => a.Code).Distinct()) w.WriteStringValue(a);
                    w.WriteEndArray();
                    w.WriteStartArray("initiatives");
                    foreach (var i in initiatives[p.Id].Where(i => i.Year == r.Year))
                    {
                        w.WriteStartObject();
                        w.WriteString("id", $"SK-{i.Id}");
                        w.WriteString("scope", EligibilityCodes.ScopeCode(i.Scope));
                        if (!string.IsNullOrEmpty(i.UsedFor)) w.WriteString("usedFor", i.UsedFor);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteStartArray("awards");
                foreach (var a in awards[p.Id].Where(a => EligibilityCodes.TryParseAward(a.Code, out _)))
                {
                    w.WriteStartObject();
                    w.WriteNumber("year", a.Year);
                    w.WriteString("form", a.Code);
                    if (a.PeriodTo is { } periodTo) w.WriteNumber("periodTo", periodTo);
                    // Merit is the contract's default: the field is written only for a one-off or thematic award.
                    if (EligibilityCodes.BasisCode(a.Basis) is { } basis) w.WriteString("basis", basis);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return ms.ToArray();
    }

    /// <summary>
    /// Collectives' facts for a year, counted from the registry as it was that year (see <see cref="CollectiveFigures"/>);
    /// a few set-based queries whatever the number of units.
    /// </summary>
    public static async Task<List<CollectiveFigures>> ForUnitsAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, int year, RuleSet ruleSet, DateOnly today, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        var selection = new HashSet<int>(unitIds.SelectMany(u => UnitScopeService.Subtree(u, tree.Pairs)));
        var members = await YearMembers.LoadAsync(db, selection, year, ct);
        var loaded = await LoadAsync(db, YearMembers.Query(db, selection, year), year, ct);
        var facts = loaded.People.Select((p, i) => (p.Id, Facts: loaded.Facts[i])).ToDictionary(x => x.Id, x => x.Facts);
        return await CollectiveFigures.BuildAsync(db, tree, unitIds, members, facts, loaded.TitlesOfYear, year, ruleSet, today, ct);
    }

    /// <summary>The default evaluation year: the latest year with ratings, not after the current year (Vietnam time).</summary>
    public static async Task<int> DefaultYearAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.VietnamYear();
        var latest = await db.YearRatings.Where(r => r.Year <= now).MaxAsync(r => (int?)r.Year, ct);
        return latest ?? now;
    }

}
