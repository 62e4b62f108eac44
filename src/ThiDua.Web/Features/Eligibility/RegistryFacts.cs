using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;

namespace ThiDua.Features.Eligibility;

/// <summary>
/// Builds the engine's input from the registry. The same facts can be written out as the batch contract's
/// JSON, so a person's verdict in the app can be checked against the command line.
/// </summary>
public static class RegistryFacts
{
    public static async Task<List<IndividualFacts>> ForPeopleAsync(AppDbContext db, IReadOnlyCollection<int> personIds, CancellationToken ct = default)
    {
        var result = new List<IndividualFacts>(personIds.Count);
        foreach (var chunk in personIds.Chunk(900))
        {
            var people = await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.PersonalCode, p.Gender, p.HiredOn, p.PendingReview, p.SortKey }).ToListAsync(ct);
            var ratings = (await db.YearRatings.AsNoTracking().Where(r => chunk.Contains(r.PersonId)).Select(r => new { r.PersonId, r.Year, r.Rating }).ToListAsync(ct)).ToLookup(r => r.PersonId);
            var discipline = (await db.DisciplineRecords.AsNoTracking().Where(r => chunk.Contains(r.PersonId)).Select(r => new { r.PersonId, r.Level, r.From, r.To }).ToListAsync(ct)).ToLookup(r => r.PersonId);
            var initiatives = (await db.Initiatives.AsNoTracking().Where(r => chunk.Contains(r.PersonId)).Select(r => new { r.PersonId, r.Year, r.Scope, r.UsedFor }).ToListAsync(ct)).ToLookup(r => r.PersonId);
            var awards = (await db.Awards.AsNoTracking().Where(a => a.PersonId != null && chunk.Contains(a.PersonId.Value) && a.Status == AwardStatus.Conferred)
                .Select(a => new { PersonId = a.PersonId!.Value, a.Year, a.Code }).ToListAsync(ct)).ToLookup(a => a.PersonId);
            foreach (var p in people)
            {
                var years = new Dictionary<int, YearFacts>();
                foreach (var r in ratings[p.Id]) years[r.Year] = new YearFacts(r.Rating, TitleSet.None, 0, 0, InitiativeScope.None);
                foreach (var a in awards[p.Id])
                {
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
                    Discipline = discipline[p.Id].Select(d => new DisciplinePeriod(d.Level, d.From, d.To)).ToArray(),
                    Awards = awards[p.Id].Where(a => EligibilityCodes.TryParseAward(a.Code, out _))
                        .Select(a => { EligibilityCodes.TryParseAward(a.Code, out var f); return new AwardFact(a.Year, f); }).ToArray(),
                    FirstYear = first,
                    Years = arr,
                });
            }
        }
        return result;
    }

    /// <summary>
    /// The batch contract's input document for these people. A year without a rating but with titles or
    /// initiatives is left out, as the contract requires a rating for every year it lists.
    /// </summary>
    public static async Task<byte[]> ContractInputAsync(AppDbContext db, IReadOnlyCollection<int> personIds, int asOfYear, CancellationToken ct = default)
    {
        var ids = personIds.ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.SortKey)
            .Select(p => new { p.Id, p.PersonalCode, p.Gender, p.HiredOn, p.PendingReview }).ToListAsync(ct);
        var ratings = (await db.YearRatings.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var discipline = (await db.DisciplineRecords.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var initiatives = (await db.Initiatives.AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct)).ToLookup(r => r.PersonId);
        var awards = (await db.Awards.AsNoTracking().Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value) && a.Status == AwardStatus.Conferred).ToListAsync(ct)).ToLookup(a => a.PersonId!.Value);
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
                if (p.HiredOn is { } h) w.WriteString("hiredOn", h.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteBoolean("pendingReview", p.PendingReview);
                w.WriteStartArray("discipline");
                foreach (var d in discipline[p.Id])
                {
                    w.WriteStartObject();
                    w.WriteString("level", EligibilityCodes.DisciplineCode(d.Level));
                    w.WriteString("from", d.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteString("to", d.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("years");
                foreach (var r in ratings[p.Id].OrderBy(r => r.Year))
                {
                    w.WriteStartObject(r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
    /// A collective's facts for a year, counted from the registry: its members are the people whose current
    /// unit is the collective or one of its sub-units; the collective's own rating and unity are recorded per
    /// year on the unit (no record: not evaluated as eligible).
    /// </summary>
    public static async Task<List<CollectiveFacts>> ForUnitsAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, int year, CancellationToken ct = default)
    {
        var tree = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Code }).ToListAsync(ct);
        var codes = tree.ToDictionary(u => u.Id, u => u.Code);
        var records = await db.UnitYearRecords.AsNoTracking().Where(r => r.Year == year && unitIds.Contains(r.UnitId)).ToDictionaryAsync(r => r.UnitId, ct);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var result = new List<CollectiveFacts>();
        foreach (var unitId in unitIds)
        {
            var sub = Infrastructure.UnitScopeService.Subtree(unitId, tree.Select(u => (u.Id, u.ParentId))).ToList();
            var members = await db.People.AsNoTracking().Where(p => p.IsActive && p.CurrentUnitId != null && sub.Contains(p.CurrentUnitId.Value)).Select(p => p.Id).ToListAsync(ct);
            var facts = new CollectiveFacts { Id = codes[unitId] };
            if (records.TryGetValue(unitId, out var record) && members.Count > 0)
            {
                // Enums are stored as text, so compare by membership, not by order.
                Rating[] completedTasks = [Rating.HTNV, Rating.HTTNV, Rating.HTXSNV];
                DisciplineLevel[] warningOrAbove = [DisciplineLevel.CanhCao, DisciplineLevel.CachChuc, DisciplineLevel.BuocThoiViec];
                var completed = await db.YearRatings.CountAsync(r => r.Year == year && completedTasks.Contains(r.Rating) && members.Contains(r.PersonId), ct);
                var ldtt = await db.Awards.Where(a => a.Year == year && a.Code == "LDTT" && a.Status == AwardStatus.Conferred && a.PersonId != null && members.Contains(a.PersonId.Value)).Select(a => a.PersonId).Distinct().CountAsync(ct);
                var cstdcs = await db.Awards.Where(a => a.Year == year && a.Code == "CSTDCS" && a.Status == AwardStatus.Conferred && a.PersonId != null && members.Contains(a.PersonId.Value)).Select(a => a.PersonId).Distinct().CountAsync(ct);
                var disciplined = await db.DisciplineRecords.Where(d => warningOrAbove.Contains(d.Level) && d.From <= yearEnd && d.To >= yearStart && members.Contains(d.PersonId)).Select(d => d.PersonId).Distinct().CountAsync(ct);
                facts.Years[year] = new CollectiveYearFacts(record.Rating, members.Count, completed, ldtt, cstdcs, disciplined, record.United);
            }
            result.Add(facts);
        }
        return result;
    }

    /// <summary>The default evaluation year: the latest year with ratings, not after the current year.</summary>
    public static async Task<int> DefaultYearAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().Year;
        var latest = await db.YearRatings.Where(r => r.Year <= now).MaxAsync(r => (int?)r.Year, ct);
        return latest ?? now;
    }
}
