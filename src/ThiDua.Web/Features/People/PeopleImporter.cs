using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Features.People;

public sealed record ImportRowReport(string Sheet, int Row, string? PersonalCode, bool Accepted, List<string> Messages);

/// <summary>Where an import came from, named in every audit entry it writes.</summary>
public sealed record ImportSource(int JobId, string FileName);

public sealed record ImportOutcome(
    bool Written, int TotalRows, int Accepted, int Rejected, int Created, int Updated, int Unchanged, int HistoryChanges,
    List<ImportRowReport> Rows, string? FileError);

/// <summary>
/// Imports people and their history from the workbook <see cref="PeopleWorkbook"/> describes. Every row is
/// checked first and reported cell by cell in Vietnamese; then, by default, all rows are written in one
/// transaction or none are. Rows are keyed by personal code (history by its natural key), so importing the
/// same file twice changes nothing.
/// </summary>
public sealed class PeopleImporter(AppDbContext db, TimeProvider clock)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    /// <summary>What one workbook may expand to once unzipped: 50.000 people with history fit in well under a tenth of it.</summary>
    public const long MaxExpandedBytes = 100 * 1024 * 1024;
    public const int MaxRowsPerSheet = 50_000;
    /// <summary>Digits in a citizen identity card number (căn cước công dân).</summary>
    public const int CccdLength = 12;
    /// <summary>The longest cell read; the longest field stored (an initiative title) is 500 characters.</summary>
    public const int MaxCellChars = 4_000;
    /// <summary>All distinct text of a workbook together (names, units, titles): far above a real file, far below memory trouble.</summary>
    public const int MaxSharedStringChars = 16_000_000;
    public static readonly XlsxLimits Limits = new(MaxExpandedBytes, MaxRowsPerSheet, MaxCellChars, MaxSharedStringChars, MaxColumns: 64);
    private static readonly string[] ImportSheets = [W.PeopleSheet, W.RatingsSheet, W.DisciplineSheet, W.InitiativesSheet, W.AwardsSheet];

    /// <summary>Checks the upload by content, size and type before anything reads it.</summary>
    public static string? CheckFile(string fileName, long length, ReadOnlySpan<byte> head)
    {
        if (length == 0) return "Tệp rỗng.";
        if (length > MaxFileBytes) return $"Tệp lớn hơn giới hạn {MaxFileBytes / 1024 / 1024} MB.";
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return "Chỉ nhận tệp Excel .xlsx (dùng mẫu tải về từ trang này).";
        if (head.Length < 4 || head[0] != 0x50 || head[1] != 0x4B || head[2] != 0x03 || head[3] != 0x04)
            return "Nội dung tệp không phải bảng tính .xlsx (có thể tệp bị đổi đuôi hoặc hỏng).";
        return null;
    }

    /// <summary>
    /// A person row. "Số CCCD" and "Mã CBCCVC" are optional columns: a sheet without the column (a file made before
    /// they existed) leaves the stored value alone; an empty cell under the header clears it (as the award columns do).
    /// </summary>
    private sealed record PersonRow(int Row, string Code, string Family, string? Middle, string Given, Gender Gender, DateOnly? Birth, string? Position, int UnitId, DateOnly? Hired,
        string? NationalId, string? CivilServantCode, IdColumns Ids);

    /// <summary>Which optional identifier columns the people sheet has.</summary>
    private sealed record IdColumns(bool NationalId, bool CivilServantCode);
    private sealed record RatingRow(int Row, string Code, int Year, Rating Rating);
    private sealed record DisciplineRow(int Row, string Code, DisciplineLevel Level, DateOnly From, DateOnly To, string? Decision);
    private sealed record InitiativeRow(int Row, string Code, int Year, string Title, InitiativeScope Scope, string? UsedFor);
    /// <summary>
    /// An award row. The optional columns a sheet may lack (an export made before "Thành tích đến năm" and
    /// "Loại thành tích" existed) are tracked by <see cref="Columns"/>: a column the sheet does not have leaves the
    /// stored value alone, while an empty cell under a header that is there states "none" and clears it.
    /// </summary>
    private sealed record AwardRow(int Row, string Code, int Year, string AwardCode, string Authority, string? Decision, DateOnly? DecisionDate, int? PeriodTo, AwardBasis Basis, AwardColumns Columns);

    /// <summary>Which optional award columns the sheet has.</summary>
    private sealed record AwardColumns(bool Decision, bool DecisionDate, bool PeriodTo, bool Basis);

    public async Task<ImportOutcome> ImportAsync(Stream xlsx, AccessScope scope, string userName, bool acceptValidRowsOnly,
        Func<int, int, Task>? progress = null, ImportSource? source = null, CancellationToken ct = default)
    {
        var reports = new List<ImportRowReport>();
        using var buffered = new MemoryStream();
        await xlsx.CopyToAsync(buffered, ct);
        XlsxReader? reader = null;
        var sheets = new Dictionary<string, (IReadOnlyList<string> Headers, int Rows)>(StringComparer.Ordinal);
        try
        {
            // Every limit is checked over the whole file before the first row is processed.
            buffered.Position = 0;
            reader = new XlsxReader(buffered, Limits);
            foreach (var name in reader.SheetNames.Where(n => ImportSheets.Contains(n))) sheets[name] = reader.Scan(name);
        }
        catch (XlsxRefusedException ex)
        {
            reader?.Dispose();
            return new ImportOutcome(false, 0, 0, 0, 0, 0, 0, 0, reports, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or ArgumentException)
        {
            reader?.Dispose();
            return new ImportOutcome(false, 0, 0, 0, 0, 0, 0, 0, reports, "Không đọc được tệp: không phải bảng tính .xlsx hợp lệ.");
        }
        using var _ = reader;
        if (sheets.Count == 0)
            return new ImportOutcome(false, 0, 0, 0, 0, 0, 0, 0, reports, $"Tệp không có trang \"{W.PeopleSheet}\" của mẫu nhập. Hãy tải mẫu từ trang này.");

        var total = sheets.Values.Sum(s => s.Rows);
        var processed = 0;
        async Task Step()
        {
            processed++;
            if (progress is not null && (processed % 500 == 0 || processed == total)) await progress(processed, total);
        }
        IEnumerable<(IDictionary<string, object?> Cells, int Row)> Rows(string sheet) =>
            sheets.ContainsKey(sheet) ? reader.Rows(sheet).Select(r => ((IDictionary<string, object?>)r.Cells, r.Row)) : [];

        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var existing = await db.People.AsNoTracking().Select(p => new { p.PersonalCode, p.CurrentUnitId }).ToDictionaryAsync(p => p.PersonalCode, p => p.CurrentUnitId, ct);

        // 1. People.
        var people = new Dictionary<string, PersonRow>();
        var peopleHeaders = sheets.TryGetValue(W.PeopleSheet, out var peopleSheet) ? peopleSheet.Headers.ToHashSet(StringComparer.Ordinal) : [];
        var idColumns = new IdColumns(peopleHeaders.Contains(W.NationalIdCol), peopleHeaders.Contains(W.CivilServantCol));
        // Who holds each CCCD already: a number belongs to one person (only loaded when the sheet has the column).
        var nationalIds = idColumns.NationalId
            ? await db.People.AsNoTracking().Where(p => p.NationalId != null).Select(p => new { p.NationalId, p.PersonalCode, p.CurrentUnitId }).ToDictionaryAsync(p => p.NationalId!, p => (p.PersonalCode, p.CurrentUnitId), StringComparer.Ordinal, ct)
            : new Dictionary<string, (string PersonalCode, int? CurrentUnitId)>(StringComparer.Ordinal);
        var sheetNationalIds = new Dictionary<string, (int Row, string Code)>(StringComparer.Ordinal);
        foreach (var (cells, row) in Rows(W.PeopleSheet))
        {
            var c = new Cells(cells, row);
            var code = c.PersonalCode(W.Code);
            if (OldTemplateExample(c, code, personRow: true)) { await Step(); continue; }
            var family = c.Required(W.Family, 50);
            var middle = c.Optional(W.Middle, 100);
            var given = c.Required(W.Given, 50);
            var gender = c.Gender(W.GenderCol);
            var birth = c.Date(W.Birth, required: false);
            var position = c.Optional(W.PositionCol, 200);
            var unitCode = c.Required(W.UnitCode)?.ToUpperInvariant();
            var hired = c.Date(W.Hired, required: false);
            var nationalId = idColumns.NationalId ? c.NationalId(W.NationalIdCol) : null;
            var civilServantCode = idColumns.CivilServantCode ? c.CivilServantCode(W.CivilServantCol) : null;
            if (nationalId is not null && code is not null)
            {
                if (sheetNationalIds.TryGetValue(nationalId, out var other) && other.Code != code)
                    c.Error(W.NationalIdCol, $"số CCCD \"{nationalId}\" lặp lại trong trang (dòng {other.Row}, mã \"{other.Code}\")");
                else if (nationalIds.TryGetValue(nationalId, out var holder) && holder.PersonalCode != code
                         && !(people.TryGetValue(holder.PersonalCode, out var moved) && moved.NationalId != nationalId))
                    // The holder is named only to someone who may see them (as on the edit page): a CCCD must not
                    // tell an officer who, in another agency, carries it.
                    c.Error(W.NationalIdCol, scope.CanSeeUnit(holder.CurrentUnitId)
                        ? $"số CCCD \"{nationalId}\" đã ghi cho cán bộ mã \"{holder.PersonalCode}\""
                        : $"số CCCD \"{nationalId}\" đã ghi cho một người ngoài phạm vi của bạn");
                else sheetNationalIds.TryAdd(nationalId, (row, code));
            }
            if (code is { Length: > 50 }) c.Error(W.Code, "dài quá 50 ký tự");
            int unitId = 0;
            if (unitCode is not null && !units.TryGetValue(unitCode, out unitId)) c.Error(W.UnitCode, $"không có đơn vị mã \"{unitCode}\"");
            else if (unitCode is not null && !scope.CanEditUnit(unitId)) c.Error(W.UnitCode, $"đơn vị \"{unitCode}\" ngoài phạm vi đơn vị của bạn");
            if (code is not null && existing.TryGetValue(code, out var currentUnit) && !scope.CanEditUnit(currentUnit))
                c.Error(W.Code, $"cá nhân mã \"{code}\" thuộc đơn vị ngoài phạm vi của bạn");
            if (code is not null && people.TryGetValue(code, out var earlier)) c.Error(W.Code, $"mã \"{code}\" lặp lại trong trang (dòng {earlier.Row})");
            if (birth is { } b && hired is { } h && h < b.AddYears(15)) c.Error(W.Hired, "ngày tuyển dụng phải sau ngày sinh ít nhất 15 năm");
            if (birth is { } b2 && b2 > clock.VietnamToday()) c.Error(W.Birth, "ngày sinh ở tương lai");
            if (c.Ok) people[code!] = new PersonRow(row, code!, family!, middle, given!, gender!.Value, birth, position, unitId, hired, nationalId, civilServantCode, idColumns);
            reports.Add(new ImportRowReport(W.PeopleSheet, row, code, c.Ok, c.Messages));
            await Step();
        }

        // The example row templates carried before the examples moved to the guide: skipped, never registered.
        bool OldTemplateExample(Cells c, string? code, bool personRow) =>
            code == W.ExampleCode && !existing.ContainsKey(code) && !people.ContainsKey(code)
            && (!personRow || (c.Text(W.Family) == "Nguyễn" && c.Text(W.Middle) == "Văn" && c.Text(W.Given) == "Đức"));

        HashSet<string>? rejectedPeople = null;
        bool KnownPerson(Cells c, string? code)
        {
            if (code is null) return false;
            if (people.ContainsKey(code)) return true;
            if (existing.TryGetValue(code, out var unitId))
            {
                if (scope.CanEditUnit(unitId)) return true;
                c.Error(W.Code, $"cá nhân mã \"{code}\" thuộc đơn vị ngoài phạm vi của bạn");
                return false;
            }
            // A set, not a scan of the reports: with tens of thousands of rows the scan per history row was quadratic.
            rejectedPeople ??= reports.Where(r => r.Sheet == W.PeopleSheet && r.PersonalCode is not null).Select(r => r.PersonalCode!).ToHashSet(StringComparer.Ordinal);
            var rejected = rejectedPeople.Contains(code);
            c.Error(W.Code, rejected ? $"dòng của mã \"{code}\" trong trang \"{W.PeopleSheet}\" bị từ chối" : $"không có cá nhân mã \"{code}\" (trong danh mục hoặc trang \"{W.PeopleSheet}\")");
            return false;
        }

        // 2. History sheets.
        var ratings = new List<RatingRow>();
        var ratingKeys = new Dictionary<(string, int), int>();
        foreach (var (cells, row) in Rows(W.RatingsSheet))
        {
            var c = new Cells(cells, row);
            var code = c.PersonalCode(W.Code);
            if (OldTemplateExample(c, code, personRow: false)) { await Step(); continue; }
            var year = c.Year(W.Year);
            var rating = c.Rating(W.RatingCol);
            var known = KnownPerson(c, code);
            if (code is not null && year is { } y && ratingKeys.TryGetValue((code, y), out var first)) c.Error(W.Year, $"năm {y} của mã \"{code}\" đã có ở dòng {first}");
            if (c.Ok && known) { ratings.Add(new RatingRow(row, code!, year!.Value, rating!.Value)); ratingKeys[(code!, year!.Value)] = row; }
            reports.Add(new ImportRowReport(W.RatingsSheet, row, code, c.Ok && known, c.Messages));
            await Step();
        }
        var discipline = new List<DisciplineRow>();
        foreach (var (cells, row) in Rows(W.DisciplineSheet))
        {
            var c = new Cells(cells, row);
            var code = c.PersonalCode(W.Code);
            if (OldTemplateExample(c, code, personRow: false)) { await Step(); continue; }
            var level = c.Discipline(W.Level);
            var from = c.Date(W.From, required: true);
            var to = c.Date(W.To, required: true);
            var decision = c.Optional(W.Decision, 100);
            if (from is { } f && to is { } t && t < f) c.Error(W.To, "đến ngày phải sau từ ngày");
            var known = KnownPerson(c, code);
            if (c.Ok && known) discipline.Add(new DisciplineRow(row, code!, level!.Value, from!.Value, to!.Value, decision));
            reports.Add(new ImportRowReport(W.DisciplineSheet, row, code, c.Ok && known, c.Messages));
            await Step();
        }
        var initiatives = new List<InitiativeRow>();
        foreach (var (cells, row) in Rows(W.InitiativesSheet))
        {
            var c = new Cells(cells, row);
            var code = c.PersonalCode(W.Code);
            if (OldTemplateExample(c, code, personRow: false)) { await Step(); continue; }
            var year = c.Year(W.Year);
            var title = c.Required(W.Title, 500);
            var scopeValue = c.Scope(W.Scope);
            var usedFor = c.Optional(W.UsedFor, 20)?.ToUpperInvariant();
            if (usedFor is not null && !AwardRecord.Codes.ContainsKey(usedFor)) c.Error(W.UsedFor, $"mã \"{usedFor}\" không phải danh hiệu hay hình thức khen thưởng");
            var known = KnownPerson(c, code);
            if (c.Ok && known) initiatives.Add(new InitiativeRow(row, code!, year!.Value, title!, scopeValue!.Value, usedFor));
            reports.Add(new ImportRowReport(W.InitiativesSheet, row, code, c.Ok && known, c.Messages));
            await Step();
        }
        var awards = new List<AwardRow>();
        var awardKeys = new Dictionary<(string, int, string), int>();
        var awardHeaders = sheets.TryGetValue(W.AwardsSheet, out var awardSheet) ? awardSheet.Headers.ToHashSet(StringComparer.Ordinal) : [];
        var awardColumns = new AwardColumns(awardHeaders.Contains(W.Decision), awardHeaders.Contains(W.DecisionDate), awardHeaders.Contains(W.PeriodTo), awardHeaders.Contains(W.Basis));
        foreach (var (cells, row) in Rows(W.AwardsSheet))
        {
            var c = new Cells(cells, row);
            var code = c.PersonalCode(W.Code);
            if (OldTemplateExample(c, code, personRow: false)) { await Step(); continue; }
            var year = c.Year(W.Year);
            var awardCode = c.Required(W.AwardCode)?.ToUpperInvariant();
            if (awardCode is not null && !AwardRecord.Codes.ContainsKey(awardCode)) c.Error(W.AwardCode, $"mã \"{awardCode}\" không có trong danh mục ({string.Join(", ", AwardRecord.Codes.Keys)})");
            var authority = c.Required(W.Authority, 300);
            var decision = c.Optional(W.Decision, 100);
            var date = c.Date(W.DecisionDate, required: false);
            var periodTo = c.PeriodTo(W.PeriodTo, year);
            var basis = c.Basis(W.Basis);
            if (code is not null && year is { } y && awardCode is not null && awardKeys.TryGetValue((code, y, awardCode), out var firstRow))
                c.Error(W.AwardCode, $"{awardCode} năm {y} của mã \"{code}\" đã có ở dòng {firstRow} (một thành tích không khen hai lần)");
            var known = KnownPerson(c, code);
            if (c.Ok && known)
            {
                awards.Add(new AwardRow(row, code!, year!.Value, awardCode!, authority!, decision, date, periodTo, basis!.Value, awardColumns));
                awardKeys[(code!, year.Value, awardCode!)] = row;
            }
            reports.Add(new ImportRowReport(W.AwardsSheet, row, code, c.Ok && known, c.Messages));
            await Step();
        }

        var accepted = reports.Count(r => r.Accepted);
        var rejected = reports.Count - accepted;
        if (rejected > 0 && !acceptValidRowsOnly)
            return new ImportOutcome(false, reports.Count, accepted, rejected, 0, 0, 0, 0, reports, null);

        // 3. Write: one transaction, so a failure leaves the registry as it was. Nothing above writes, so a job
        // taken back from an instance that died mid-import reruns cleanly (ImportJobClaims.TakeBackStaleAsync).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var codes = people.Keys.Concat(ratings.Select(r => r.Code)).Concat(discipline.Select(r => r.Code))
            .Concat(initiatives.Select(r => r.Code)).Concat(awards.Select(r => r.Code)).Distinct().ToList();
        var tracked = new Dictionary<string, Person>();
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var p in await db.People.Include(p => p.Memberships).Where(p => chunk.Contains(p.PersonalCode)).ToListAsync(ct)) tracked[p.PersonalCode] = p;
        }
        int created = 0, updated = 0, unchanged = 0, history = 0;
        var historyByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var historyText = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Each history row the import adds or changes is named with its values before → after, for the person's audit entry.
        void Changed(string code, string? what = null)
        {
            history++;
            historyByCode[code] = historyByCode.GetValueOrDefault(code) + 1;
            if (what is not null) (historyText.TryGetValue(code, out var list) ? list : historyText[code] = []).Add(what);
        }
        static string Rating(Rating r) => EligibilityCodes.RatingName(r);
        var unitCodes = units.ToDictionary(kv => kv.Value, kv => kv.Key);
        string PersonText(Person p) =>
            $"{p.FullName}; {(p.Gender == Eligibility.Gender.Female ? "Nữ" : "Nam")}; ngày sinh: {Show(p.BirthDate)}; chức vụ: {p.Position ?? "—"}; " +
            $"đơn vị: {(p.CurrentUnitId is { } u && unitCodes.TryGetValue(u, out var uc) ? uc : "—")}; ngày tuyển dụng: {Show(p.HiredOn)}; " +
            $"số CCCD: {p.NationalId ?? "—"}; mã CBCCVC: {p.CivilServantCode ?? "—"}";
        var origin = source is null ? "nhập tệp" : $"lần nhập #{source.JobId}, tệp \"{source.FileName}\"";
        var createdCodes = new HashSet<string>(StringComparer.Ordinal);
        var updatedBefore = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.VietnamToday();
        foreach (var r in people.Values)
        {
            if (!tracked.TryGetValue(r.Code, out var p))
            {
                p = new Person { PersonalCode = r.Code, FamilyName = r.Family, MiddleName = r.Middle, GivenName = r.Given };
                Apply(p, r);
                p.Memberships.Add(new UnitMembership { UnitId = r.UnitId, From = r.Hired ?? today, Position = r.Position });
                p.CurrentUnitId = r.UnitId;
                db.People.Add(p);
                tracked[r.Code] = p;
                createdCodes.Add(r.Code);
                created++;
                continue;
            }
            var before = (p.FamilyName, p.MiddleName, p.GivenName, p.Gender, p.BirthDate, p.Position, p.HiredOn, p.CurrentUnitId, p.NationalId, p.CivilServantCode);
            var beforeText = PersonText(p);
            Apply(p, r);
            if (p.CurrentUnitId != r.UnitId)
            {
                // A move between units closes the open membership and opens a new one.
                foreach (var m in p.Memberships.Where(m => m.To is null)) m.To = today.AddDays(-1);
                p.Memberships.Add(new UnitMembership { UnitId = r.UnitId, From = today, Position = r.Position });
                p.CurrentUnitId = r.UnitId;
            }
            if (before == (p.FamilyName, p.MiddleName, p.GivenName, p.Gender, p.BirthDate, p.Position, p.HiredOn, p.CurrentUnitId, p.NationalId, p.CivilServantCode)) unchanged++;
            else
            {
                updated++;
                updatedBefore[r.Code] = beforeText;
            }
        }
        await db.SaveChangesAsync(ct);
        var ids = tracked.ToDictionary(kv => kv.Key, kv => kv.Value.Id);
        var personIds = ids.Values.ToList();

        var existingRatings = await db.YearRatings.Where(x => personIds.Contains(x.PersonId)).ToListAsync(ct);
        var ratingIndex = existingRatings.ToDictionary(x => (x.PersonId, x.Year));
        foreach (var r in ratings)
        {
            var pid = ids[r.Code];
            if (ratingIndex.TryGetValue((pid, r.Year), out var x))
            {
                if (x.Rating != r.Rating) { Changed(r.Code, $"xếp loại {r.Year}: {Rating(x.Rating)} → {Rating(r.Rating)}"); x.Rating = r.Rating; }
            }
            else { db.YearRatings.Add(new YearRating { PersonId = pid, Year = r.Year, Rating = r.Rating }); Changed(r.Code, $"xếp loại {r.Year}: — → {Rating(r.Rating)}"); }
        }
        var existingDiscipline = await db.DisciplineRecords.Where(x => personIds.Contains(x.PersonId)).ToListAsync(ct);
        foreach (var r in discipline)
        {
            var pid = ids[r.Code];
            var x = existingDiscipline.FirstOrDefault(d => d.PersonId == pid && d.Level == r.Level && d.From == r.From);
            var what = $"kỷ luật {EligibilityCodes.DisciplineName(r.Level)} từ {VnFormat.Date(r.From)}";
            if (x is null)
            {
                db.DisciplineRecords.Add(new DisciplineRecord { PersonId = pid, Level = r.Level, From = r.From, To = r.To, DecisionNumber = r.Decision });
                Changed(r.Code, $"{what}: — → đến {VnFormat.Date(r.To)}, QĐ {r.Decision ?? "—"}");
            }
            else if (x.To != r.To || x.DecisionNumber != r.Decision)
            {
                Changed(r.Code, $"{what}: đến {VnFormat.Date(x.To)}, QĐ {x.DecisionNumber ?? "—"} → đến {VnFormat.Date(r.To)}, QĐ {r.Decision ?? "—"}");
                x.To = r.To;
                x.DecisionNumber = r.Decision;
            }
        }
        var existingInitiatives = await db.Initiatives.Where(x => personIds.Contains(x.PersonId)).ToListAsync(ct);
        foreach (var r in initiatives)
        {
            var pid = ids[r.Code];
            var x = existingInitiatives.FirstOrDefault(i => i.PersonId == pid && i.Year == r.Year && i.Title == r.Title);
            var what = $"sáng kiến {r.Year} \"{r.Title}\"";
            if (x is null)
            {
                db.Initiatives.Add(new Initiative { PersonId = pid, Year = r.Year, Title = r.Title, Scope = r.Scope, UsedFor = r.UsedFor });
                Changed(r.Code, $"{what}: — → phạm vi {EligibilityCodes.ScopeName(r.Scope)}");
            }
            else if (x.Scope != r.Scope || x.UsedFor != r.UsedFor)
            {
                Changed(r.Code, $"{what}: phạm vi {EligibilityCodes.ScopeName(x.Scope)}, dùng cho {x.UsedFor ?? "—"} → phạm vi {EligibilityCodes.ScopeName(r.Scope)}, dùng cho {r.UsedFor ?? "—"}");
                x.Scope = r.Scope;
                x.UsedFor = r.UsedFor;
            }
        }
        var existingAwards = await db.Awards.Where(x => x.PersonId != null && personIds.Contains(x.PersonId.Value)).ToListAsync(ct);
        var awardIndex = existingAwards.GroupBy(x => (x.PersonId!.Value, x.Year, x.Code)).ToDictionary(g => g.Key, g => g.First());
        foreach (var r in awards)
        {
            var pid = ids[r.Code];
            if (awardIndex.TryGetValue((pid, r.Year, r.AwardCode), out var x))
            {
                // A column the sheet lacks keeps the stored value; each changed award is audited with its before and after values.
                var before = x.AuditText();
                x.Authority = r.Authority;
                if (r.Columns.Decision) x.DecisionNumber = r.Decision;
                if (r.Columns.DecisionDate) x.DecisionDate = r.DecisionDate;
                if (r.Columns.PeriodTo) x.PeriodTo = r.PeriodTo;
                if (r.Columns.Basis) x.Basis = r.Basis;
                var after = x.AuditText();
                if (after != before)
                {
                    db.Audit(userName, "Nhập tệp: sửa khen thưởng", nameof(Person), pid, $"#{x.Id}; trước: {before}; sau: {after}; {origin}", now, code: r.Code);
                    Changed(r.Code);
                }
            }
            else
            {
                var a = new AwardRecord
                {
                    PersonId = pid, Year = r.Year, Code = r.AwardCode, Authority = r.Authority, DecisionNumber = r.Decision, DecisionDate = r.DecisionDate,
                    PeriodTo = r.PeriodTo, Basis = r.Basis, Status = AwardStatus.Conferred,
                };
                db.Awards.Add(a);
                awardIndex[(pid, r.Year, r.AwardCode)] = a;
                Changed(r.Code, $"khen thưởng: — → {a.AuditText()}");
            }
        }
        // One entry per person the import created or changed, keyed by id with the code, naming the job and the file.
        foreach (var (code, p) in tracked.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var rows = historyByCode.GetValueOrDefault(code);
            // Bounded so one person's entry stays readable; the count says how many rows in all.
            var changes = historyText.GetValueOrDefault(code) ?? [];
            var listed = string.Join("; ", changes.Take(50)) + (changes.Count > 50 ? $"; và {changes.Count - 50} dòng khác" : "");
            var historyText2 = rows > 0 ? $"; {rows} dòng quá trình thêm hoặc sửa: {listed}" : "";
            if (createdCodes.Contains(code))
                db.Audit(userName, "Nhập tệp: thêm cá nhân", nameof(Person), p.Id, $"{origin}: {PersonText(p)}{historyText2}", now, code: code);
            else if (updatedBefore.TryGetValue(code, out var beforeText))
                db.Audit(userName, "Nhập tệp: cập nhật cá nhân", nameof(Person), p.Id, $"{origin}: trước: {beforeText} → sau: {PersonText(p)}{historyText2}", now, code: code);
            else if (rows > 0)
                db.Audit(userName, "Nhập tệp: cập nhật quá trình", nameof(Person), p.Id, $"{origin}{historyText2}", now, code: code);
        }
        if (created + updated + history > 0)
            db.Audit(userName, "Nhập tệp nhân sự", "Import", source?.JobId ?? (object)"-",
                $"{origin}: {created} mới, {updated} cập nhật, {history} dòng quá trình thay đổi", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportOutcome(true, reports.Count, accepted, rejected, created, updated, unchanged, history, reports, null);
    }

    private static string Show(DateOnly? d) => d is null ? "—" : VnFormat.Date(d);

    private static void Apply(Person p, PersonRow r)
    {
        p.FamilyName = r.Family;
        p.MiddleName = r.Middle;
        p.GivenName = r.Given;
        p.Gender = r.Gender;
        p.BirthDate = r.Birth;
        p.Position = r.Position;
        p.HiredOn = r.Hired;
        if (r.Ids.NationalId) p.NationalId = r.NationalId;
        if (r.Ids.CivilServantCode) p.CivilServantCode = r.CivilServantCode;
        p.Normalize();
    }

    /// <summary>Reads typed values from one row, collecting a Vietnamese message per bad cell.</summary>
    private sealed class Cells(IDictionary<string, object?> cells, int row)
    {
        public List<string> Messages { get; } = [];
        public bool Ok => Messages.Count == 0;

        public void Error(string column, string message) => Messages.Add($"Dòng {row}, cột \"{column}\": {message}");

        public string? Text(string column) => Raw(column);

        private string? Raw(string column)
        {
            if (!cells.TryGetValue(column, out var v) || v is null) return null;
            var s = v switch
            {
                DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                double d => d.ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                // Our exports put a quote before text that starts like a formula; it is not part of the value.
                string t => SpreadsheetText.Restore(t),
                _ => v.ToString(),
            };
            s = s?.Normalize(System.Text.NormalizationForm.FormC).Trim();
            return string.IsNullOrEmpty(s) ? null : s;
        }

        /// <summary>
        /// A personal code: text, so leading zeros survive (a number cell has already lost them), and a code of digits
        /// only is a citizen identity number (CCCD), which has 12.
        /// </summary>
        public string? PersonalCode(string column)
        {
            if (cells.TryGetValue(column, out var v) && v is double or int or long or decimal)
            {
                Error(column, $"Mã cá nhân phải nhập dạng văn bản để giữ số 0 ở đầu (ô đang là số {Raw(column)}); hãy định dạng cột là Văn bản (Text) rồi nhập lại mã");
                return null;
            }
            var s = Required(column);
            if (s is not null && s.All(char.IsAsciiDigit) && s.Length != CccdLength)
            {
                Error(column, $"mã \"{s}\" chỉ gồm chữ số nên là số CCCD, phải đủ {CccdLength} chữ số (đang có {s.Length})");
                return null;
            }
            return s;
        }

        /// <summary>An optional CCCD: text of exactly 12 digits (a number cell has lost its leading zeros).</summary>
        public string? NationalId(string column)
        {
            if (cells.TryGetValue(column, out var v) && v is double or int or long or decimal)
            {
                Error(column, $"số CCCD phải nhập dạng văn bản để giữ số 0 ở đầu (ô đang là số {Raw(column)})");
                return null;
            }
            var s = Raw(column);
            if (s is null) return null;
            if (!PersonIds.IsNationalId(s)) { Error(column, $"\"{Truncate(s)}\" không phải số CCCD: phải gồm đúng {CccdLength} chữ số"); return null; }
            return s;
        }

        /// <summary>An optional mã CBCCVC: letters, digits, dot, hyphen, up to the registry's length.</summary>
        public string? CivilServantCode(string column)
        {
            var s = Raw(column);
            if (s is null) return null;
            if (!PersonIds.IsCivilServantCode(s)) { Error(column, $"\"{Truncate(s)}\" không phải mã CBCCVC: chỉ gồm chữ, số, dấu chấm, gạch ngang, tối đa {PersonIds.CivilServantCodeMax} ký tự"); return null; }
            return s;
        }

        private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

        public string? Required(string column, int maxLength = 50)
        {
            var s = Raw(column);
            if (s is null) { Error(column, "bắt buộc, đang để trống"); return null; }
            if (s.Length > maxLength) { Error(column, $"dài {s.Length} ký tự, tối đa {maxLength}"); return null; }
            return s;
        }

        public string? Optional(string column, int maxLength)
        {
            var s = Raw(column);
            if (s is not null && s.Length > maxLength) { Error(column, $"dài {s.Length} ký tự, tối đa {maxLength}"); return null; }
            return s;
        }

        public DateOnly? Date(string column, bool required)
        {
            if (cells.TryGetValue(column, out var v) && v is DateTime dt) return DateOnly.FromDateTime(dt);
            var s = Raw(column);
            if (s is null)
            {
                if (required) Error(column, "bắt buộc, đang để trống");
                return null;
            }
            if (VnFormat.TryParseDate(s, out var d)) return d;
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80000)
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            Error(column, $"\"{s}\" không phải ngày hợp lệ (dd/mm/yyyy)");
            return null;
        }

        public int? Year(string column)
        {
            var s = Raw(column);
            if (s is null) { Error(column, "bắt buộc, đang để trống"); return null; }
            if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && y is >= 1975 and <= 2100) return y;
            Error(column, $"\"{s}\" không phải năm hợp lệ (1975–2100)");
            return null;
        }

        /// <summary>An optional year that ends an achievement period: from 1945 up to the decision year of the same row.</summary>
        public int? PeriodTo(string column, int? decisionYear)
        {
            var s = Raw(column);
            if (s is null) return null;
            var upper = decisionYear is { } y ? $"năm quyết định ({y})" : "năm quyết định";
            if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var to))
            {
                Error(column, $"\"{s}\" không phải năm (từ {AwardRecord.FirstPeriodYear} đến {upper}, hoặc để trống)");
                return null;
            }
            if (decisionYear is { } d && to > d)
            {
                Error(column, $"năm {to} sau năm quyết định ({d}): thành tích không thể kết thúc sau quyết định khen thưởng");
                return null;
            }
            if (to < AwardRecord.FirstPeriodYear)
            {
                Error(column, $"năm {to} không hợp lệ (từ {AwardRecord.FirstPeriodYear} đến {upper})");
                return null;
            }
            return to;
        }

        public AwardBasis? Basis(string column)
        {
            var s = Raw(column);
            if (AwardRecord.TryParseBasisLabel(s, out var b)) return b;
            Error(column, $"\"{s}\" không hợp lệ (Công trạng, Đột xuất hoặc Chuyên đề; để trống là Công trạng)");
            return null;
        }

        public Gender? Gender(string column)
        {
            var s = Raw(column);
            switch (VietnameseText.Fold(s))
            {
                case "nam": return Eligibility.Gender.Male;
                case "nu": return Eligibility.Gender.Female;
                case "": Error(column, "bắt buộc (Nam hoặc Nữ)"); return null;
                default: Error(column, $"\"{s}\" không hợp lệ (Nam hoặc Nữ)"); return null;
            }
        }

        public Rating? Rating(string column)
        {
            var s = Raw(column)?.ToUpperInvariant();
            if (s is null) { Error(column, "bắt buộc, đang để trống"); return null; }
            if (EligibilityCodes.TryParseRating(s, out var r)) return r;
            Error(column, $"\"{s}\" không hợp lệ (HTXSNV, HTTNV, HTNV, KHTNV)");
            return null;
        }

        public DisciplineLevel? Discipline(string column)
        {
            var s = Raw(column);
            var folded = VietnameseText.Fold(s).Replace(' ', '_');
            if (EligibilityCodes.TryParseDiscipline(folded, out var l)) return l;
            Error(column, s is null ? "bắt buộc, đang để trống" : $"\"{s}\" không hợp lệ (khiển trách, cảnh cáo, cách chức, buộc thôi việc)");
            return null;
        }

        public InitiativeScope? Scope(string column)
        {
            var s = Raw(column);
            var folded = VietnameseText.Fold(s);
            InitiativeScope? scope = folded switch
            {
                "co so" or "co_so" or "cap co so" => InitiativeScope.CoSo,
                "bo" or "cap bo" or "bo, ban" or "cap bo, ban" => InitiativeScope.Bo,
                "toan quoc" or "toan_quoc" => InitiativeScope.ToanQuoc,
                _ => null,
            };
            if (scope is null) Error(column, s is null ? "bắt buộc, đang để trống" : $"\"{s}\" không hợp lệ (cơ sở, bộ, toàn quốc)");
            return scope;
        }
    }

    public static string ReportJson(List<ImportRowReport> rows) => JsonSerializer.Serialize(rows);

    public static List<ImportRowReport> ParseReport(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ImportRowReport>>(json) ?? [];
}
