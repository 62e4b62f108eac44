using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>What a command did: nothing (with Vietnamese messages, or a conflict with another user's save) or its change.</summary>
public sealed record Outcome(IReadOnlyList<string> Errors, bool Conflict = false, int? Id = null)
{
    public bool Ok => Errors.Count == 0 && !Conflict;
    public static Outcome Done(int? id = null) => new([], false, id);
    public static Outcome Fail(params string[] errors) => new(errors);
    public static readonly Outcome Stale = new(["Dữ liệu vừa được người khác thay đổi. Nội dung bạn nhập vẫn còn trên biểu mẫu; hãy xem lại rồi lưu lần nữa."], true);
}

public sealed record SelfInput(int CriterionId, string? Points, string? Evidence);
public sealed record PeerInput(int CriterionId, string? Points, string? Comment);
public sealed record ReconcileInput(int CriterionId, FinalSource? Choice, string? OverridePoints, string? Reason);

/// <summary>
/// The life of a bloc's score sheet and its cards: draft → applied → closed; self-scoring, cross-checks,
/// reconciliation, ranking. Used by the pages and by the demo year (<see cref="ScoringDemo"/>). Every change is
/// audited in the same save as the change.
/// </summary>
public sealed class ScoringService(AppDbContext db, TimeProvider clock)
{
    public const int FirstYear = 2000, LastYear = 2100;
    public const int NameMax = 300, CriterionNameMax = 500, EvidenceMax = 2000, CommentMax = 1000, ReasonMax = 1000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string StateName(SheetState s) => s switch
    {
        SheetState.Draft => "Dự thảo",
        SheetState.Applied => "Đã áp dụng",
        _ => "Đã khóa",
    };

    public static string CardStateName(CardState s) => s switch
    {
        CardState.SelfScoring => "Đang tự chấm",
        CardState.Submitted => "Đã nộp, chờ kiểm tra chéo",
        _ => "Đã kiểm tra chéo",
    };

    public static string KindName(GroupKind k) => k switch
    {
        GroupKind.Regular => "Tiêu chí",
        GroupKind.Bonus => "Điểm thưởng",
        _ => "Điểm trừ",
    };

    private static string Code(ScoreSheet s, string blocCode) => FormattableString.Invariant($"{blocCode}-{s.Year}");

    private async Task<string> SheetCodeAsync(ScoreSheet s, CancellationToken ct) =>
        Code(s, await db.Blocs.Where(b => b.Id == s.BlocId).Select(b => b.Code).FirstAsync(ct));

    private async Task<Outcome> SaveAsync(Func<Task> audit, CancellationToken ct, int? id = null)
    {
        try
        {
            await audit();
            await db.SaveChangesAsync(ct);
            return Outcome.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Stale;
        }
    }

    private static string? CheckText(string? text, int max, string field) =>
        text is not null && text.Length > max ? $"{field}: tối đa {VnFormat.Number(max)} ký tự." : null;

    private static bool YearOk(int year) => year is >= FirstYear and <= LastYear;

    // ---------------------------------------------------------------- sheet

    public async Task<Outcome> CreateSheetAsync(ScoringActor actor, int blocId, int year, string? title, DateOnly? deadline, CancellationToken ct)
    {
        if (!actor.Secretariat) return Outcome.Fail("Chỉ thường trực khối được tạo bảng tiêu chí.");
        var errors = new List<string>();
        if (!YearOk(year)) errors.Add($"Năm phải từ {FirstYear} đến {LastYear}.");
        if (string.IsNullOrWhiteSpace(title)) errors.Add("Tên bảng tiêu chí: hãy nhập tên.");
        if (CheckText(title?.Trim(), NameMax, "Tên bảng tiêu chí") is { } t) errors.Add(t);
        if (deadline is null) errors.Add("Hạn tự chấm: hãy nhập ngày (dd/mm/yyyy).");
        else if (deadline.Value.Year < year || deadline.Value.Year > year + 1) errors.Add($"Hạn tự chấm phải trong năm {year} hoặc năm {year + 1}.");
        var bloc = await db.Blocs.FirstOrDefaultAsync(b => b.Id == blocId, ct);
        if (bloc is null) errors.Add("Khối thi đua: không có trong danh sách.");
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        if (await db.ScoreSheets.AnyAsync(s => s.BlocId == blocId && s.Year == year, ct))
            return Outcome.Fail($"Khối đã có bảng tiêu chí năm {year}.");
        var sheet = new ScoreSheet { BlocId = blocId, Year = year, Title = title!.Trim(), SelfScoreDeadline = deadline!.Value, CreatedUtc = Now, UpdatedUtc = Now };
        db.ScoreSheets.Add(sheet);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Fail($"Khối đã có bảng tiêu chí năm {year}.");
        }
        db.Audit(actor.UserName, "Tạo bảng tiêu chí chấm điểm", nameof(ScoreSheet), sheet.Id, $"trước: — → sau: {SheetText(sheet)}", Now, Code(sheet, bloc!.Code));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Done(sheet.Id);
    }

    /// <summary>A draft for <paramref name="year"/> with the groups, criteria and tie-break rules of the year before.</summary>
    public async Task<Outcome> CopyFromPreviousYearAsync(ScoringActor actor, int blocId, int year, CancellationToken ct)
    {
        if (!actor.Secretariat) return Outcome.Fail("Chỉ thường trực khối được tạo bảng tiêu chí.");
        if (!YearOk(year) || !YearOk(year - 1)) return Outcome.Fail($"Năm phải từ {FirstYear + 1} đến {LastYear}.");
        var source = await db.ScoreSheets.AsNoTracking().Include(s => s.Groups).ThenInclude(g => g.Criteria)
            .FirstOrDefaultAsync(s => s.BlocId == blocId && s.Year == year - 1, ct);
        if (source is null) return Outcome.Fail($"Khối chưa có bảng tiêu chí năm {year - 1} để sao chép.");
        var created = await CreateSheetAsync(actor, blocId, year, source.Title.Replace(source.Year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            source.SelfScoreDeadline.AddYears(1), ct);
        if (!created.Ok) return created;
        var sheet = await db.ScoreSheets.FirstAsync(s => s.Id == created.Id, ct);
        sheet.TieBreaks = source.TieBreaks;
        sheet.TieBreakSource = source.TieBreakSource;
        foreach (var g in source.Groups.OrderBy(g => g.Order))
        {
            sheet.Groups.Add(new ScoreGroup
            {
                Name = g.Name, Kind = g.Kind, MaxPoints = g.MaxPoints, Order = g.Order,
                Criteria = g.Criteria.OrderBy(c => c.Order).Select(c => new ScoreCriterion { Name = c.Name, MaxPoints = c.MaxPoints, Order = c.Order, EvidenceRequired = c.EvidenceRequired }).ToList(),
            });
        }
        db.Audit(actor.UserName, "Sao chép bảng tiêu chí từ năm trước", nameof(ScoreSheet), sheet.Id,
            $"từ bảng năm {source.Year} (mã {source.Id}): {source.Groups.Count} nhóm, {source.Groups.Sum(g => g.Criteria.Count)} tiêu chí", Now, await SheetCodeAsync(sheet, ct));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(sheet.Id);
    }

    private static string SheetText(ScoreSheet s) =>
        $"{s.Title}; hạn tự chấm {VnFormat.Date(s.SelfScoreDeadline)}; tiêu chí phá hòa: {string.Join(", ", s.TieBreakList.Select(ScoreRanking.Describe))}";

    /// <summary>Loads a sheet for a change by the secretariat: refuses when closed, when applied without a reason, when stale.</summary>
    private async Task<(ScoreSheet? Sheet, Outcome? Refusal)> SheetForChangeAsync(ScoringActor actor, int sheetId, int version, string? reason, bool draftOnly, CancellationToken ct)
    {
        if (!actor.Secretariat) return (null, Outcome.Fail("Chỉ thường trực khối được sửa bảng tiêu chí."));
        var sheet = await db.ScoreSheets.Include(s => s.Groups).ThenInclude(g => g.Criteria).FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null) return (null, Outcome.Fail("Không tìm thấy bảng tiêu chí."));
        if (sheet.State == SheetState.Closed) return (null, Outcome.Fail("Bảng tiêu chí đã khóa sau hội nghị tổng kết; không sửa được nữa."));
        if (draftOnly && sheet.State != SheetState.Draft) return (null, Outcome.Fail("Bảng tiêu chí đã áp dụng: không thêm hoặc xóa nhóm, tiêu chí được nữa (chỉ sửa, kèm lý do)."));
        if (sheet.State == SheetState.Applied && sheet.PublishedUtc is not null) return (null, Outcome.Fail("Kết quả xếp hạng đã công bố: không sửa bảng tiêu chí được nữa."));
        if (sheet.State == SheetState.Applied && string.IsNullOrWhiteSpace(reason)) return (null, Outcome.Fail("Lý do thay đổi: bảng tiêu chí đã áp dụng, hãy nêu lý do thay đổi."));
        if (CheckText(reason?.Trim(), ReasonMax, "Lý do thay đổi") is { } r) return (null, Outcome.Fail(r));
        if (sheet.Version != version) return (null, Outcome.Stale);
        db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
        sheet.UpdatedUtc = Now;
        return (sheet, null);
    }

    private static string ReasonSuffix(ScoreSheet s, string? reason) => s.State == SheetState.Applied ? $"; lý do: {reason!.Trim()}" : "";

    public async Task<Outcome> UpdateSheetAsync(ScoringActor actor, int sheetId, int version, string? title, DateOnly? deadline, IReadOnlyList<TieBreak> tieBreaks, string? source, string? reason, CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add("Tên bảng tiêu chí: hãy nhập tên.");
        if (CheckText(title?.Trim(), NameMax, "Tên bảng tiêu chí") is { } t) errors.Add(t);
        if (CheckText(source?.Trim(), NameMax, "Nguồn quy định phá hòa") is { } so) errors.Add(so);
        if (deadline is null) errors.Add("Hạn tự chấm: hãy nhập ngày (dd/mm/yyyy).");
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        var (sheet, refusal) = await SheetForChangeAsync(actor, sheetId, version, reason, false, ct);
        if (refusal is not null) return refusal;
        if (deadline!.Value.Year < sheet!.Year || deadline.Value.Year > sheet.Year + 1) return Outcome.Fail($"Hạn tự chấm phải trong năm {sheet.Year} hoặc năm {sheet.Year + 1}.");
        var before = SheetText(sheet);
        sheet.Title = title!.Trim();
        sheet.SelfScoreDeadline = deadline.Value;
        sheet.TieBreaks = ScoreRanking.FormatTieBreaks(tieBreaks);
        sheet.TieBreakSource = string.IsNullOrWhiteSpace(source) ? ScoreRanking.DefaultSource : source.Trim();
        return await SaveAsync(async () => db.Audit(actor.UserName, "Sửa bảng tiêu chí chấm điểm", nameof(ScoreSheet), sheet.Id,
            $"trước: {before} → sau: {SheetText(sheet)}{ReasonSuffix(sheet, reason)}", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    private static string? PointsError(string field, string? text, out decimal value)
    {
        value = 0;
        if (!Points.TryParse(text, out var v)) return $"{field}: \"{Shorten(text)}\" không phải là số điểm hợp lệ (từ 0 đến 1.000, bước 0,5; ví dụ 12,5).";
        if (v is null) return $"{field}: hãy nhập số điểm.";
        value = v.Value;
        return null;
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 20 ? s : s[..20] + "…";

    private static IReadOnlyList<string> Maxima(ScoreSheet s) =>
        ScoreRanking.MaximaProblems(s.Groups.OrderBy(g => g.Order).Select(g => (g.Name, g.MaxPoints, g.Criteria.Select(c => c.MaxPoints))));

    public async Task<Outcome> AddGroupAsync(ScoringActor actor, int sheetId, int version, string? name, GroupKind kind, string? max, CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("Tên nhóm: hãy nhập tên.");
        if (CheckText(name?.Trim(), NameMax, "Tên nhóm") is { } t) errors.Add(t);
        if (!Enum.IsDefined(kind)) errors.Add("Loại nhóm: không có trong danh sách lựa chọn.");
        if (PointsError("Điểm tối đa của nhóm", max, out var m) is { } pe) errors.Add(pe);
        else if (m <= 0) errors.Add("Điểm tối đa của nhóm phải lớn hơn 0.");
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        var (sheet, refusal) = await SheetForChangeAsync(actor, sheetId, version, null, true, ct);
        if (refusal is not null) return refusal;
        if (sheet!.Groups.Count >= 30) return Outcome.Fail("Bảng tiêu chí có tối đa 30 nhóm.");
        var group = new ScoreGroup { Name = name!.Trim(), Kind = kind, MaxPoints = m, Order = sheet.Groups.Count == 0 ? 1 : sheet.Groups.Max(g => g.Order) + 1 };
        sheet.Groups.Add(group);
        return await SaveAsync(async () => db.Audit(actor.UserName, "Thêm nhóm tiêu chí", nameof(ScoreSheet), sheet.Id,
            $"trước: — → sau: {KindName(kind)} \"{group.Name}\", tối đa {Points.Format(m)} điểm", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    public async Task<Outcome> UpdateGroupAsync(ScoringActor actor, int sheetId, int groupId, int version, string? name, string? max, string? reason, CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("Tên nhóm: hãy nhập tên.");
        if (CheckText(name?.Trim(), NameMax, "Tên nhóm") is { } t) errors.Add(t);
        if (PointsError("Điểm tối đa của nhóm", max, out var m) is { } pe) errors.Add(pe);
        else if (m <= 0) errors.Add("Điểm tối đa của nhóm phải lớn hơn 0.");
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        var (sheet, refusal) = await SheetForChangeAsync(actor, sheetId, version, reason, false, ct);
        if (refusal is not null) return refusal;
        var group = sheet!.Groups.FirstOrDefault(g => g.Id == groupId);
        if (group is null) return Outcome.Fail("Nhóm tiêu chí không thuộc bảng này.");
        var before = $"\"{group.Name}\", tối đa {Points.Format(group.MaxPoints)} điểm";
        group.Name = name!.Trim();
        group.MaxPoints = m;
        if (Maxima(sheet) is { Count: > 0 } problems) { db.ChangeTracker.Clear(); return Outcome.Fail([.. problems]); }
        return await SaveAsync(async () => db.Audit(actor.UserName, "Sửa nhóm tiêu chí", nameof(ScoreSheet), sheet.Id,
            $"trước: {before} → sau: \"{group.Name}\", tối đa {Points.Format(m)} điểm{ReasonSuffix(sheet, reason)}", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    public async Task<Outcome> DeleteGroupAsync(ScoringActor actor, int sheetId, int groupId, int version, CancellationToken ct)
    {
        var (sheet, refusal) = await SheetForChangeAsync(actor, sheetId, version, null, true, ct);
        if (refusal is not null) return refusal;
        var group = sheet!.Groups.FirstOrDefault(g => g.Id == groupId);
        if (group is null) return Outcome.Fail("Nhóm tiêu chí không thuộc bảng này.");
        db.ScoreGroups.Remove(group);
        return await SaveAsync(async () => db.Audit(actor.UserName, "Xóa nhóm tiêu chí", nameof(ScoreSheet), sheet.Id,
            $"trước: {KindName(group.Kind)} \"{group.Name}\" ({group.Criteria.Count} tiêu chí) → sau: —", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    public async Task<Outcome> AddCriterionAsync(ScoringActor actor, int sheetId, int groupId, int version, string? name, string? max, bool evidenceRequired, CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("Tên tiêu chí: hãy nhập tên.");
        if (CheckText(name?.Trim(), CriterionNameMax, "Tên tiêu chí") is { } t) errors.Add(t);
        if (PointsError("Điểm tối đa của tiêu chí", max, out var m) is { } pe) errors.Add(pe);
        else if (m <= 0) errors.Add("Điểm tối đa của tiêu chí phải lớn hơn 0.");
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        var (sheet, refusal) = await SheetForChangeAsync(actor, sheetId, version, null, true, ct);
        if (refusal is not null) return refusal;
        var group = sheet!.Groups.FirstOrDefault(g => g.Id == groupId);
        if (group is null) return Outcome.Fail("Nhóm tiêu chí không thuộc bảng này.");
        if (group.Criteria.Count >= 50) return Outcome.Fail("Mỗi nhóm có tối đa 50 tiêu chí.");
        var c = new ScoreCriterion { Name = name!.Trim(), MaxPoints = m, EvidenceRequired = evidenceRequired, Order = group.Criteria.Count == 0 ? 1 : group.Criteria.Max(x => x.Order) + 1 };
        group.Criteria.Add(c);
        if (Maxima(sheet) is { Count: > 0 } problems) { db.ChangeTracker.Clear(); return Outcome.Fail([.. problems]); }
        return await SaveAsync(async () => db.Audit(actor.UserName, "Thêm tiêu chí", nameof(ScoreSheet), sheet.Id,
            $"nhóm \"{group.Name}\": trước: — → sau: {CriterionText(c)}", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    private static string CriterionText(ScoreCriterion c) =>
        $"\"{c.Name}\", tối đa {Points.Format(c.MaxPoints)} điểm, {(c.EvidenceRequired ? "bắt buộc có minh chứng" : "không bắt buộc minh chứng")}";

    public async Task<Outcome> UpdateCriterionAsync(ScoringActor actor, int sheetId, int criterionId, int version, string? name, string? max, bool evidenceRequired, string? reason, CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("Tên tiêu chí: hãy nhập tên.");
        if (CheckText(name?.Trim(), CriterionNameMax, "Tên tiêu chí") is { } t) errors.Add(t);
        if (PointsError("Điểm tối đa của tiêu chí", max, out var m) is { } pe) errors.Add(pe);
        else if (m <= 0) errors.Add("Điểm tối đa của tiêu chí phải lớn hơn 0.");
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        var (sheet, refusal) = await SheetForChangeAsync(actor, sheetId, version, reason, false, ct);
        if (refusal is not null) return refusal;
        var c = sheet!.Groups.SelectMany(g => g.Criteria).FirstOrDefault(x => x.Id == criterionId);
        if (c is null) return Outcome.Fail("Tiêu chí không thuộc bảng này.");
        var before = CriterionText(c);
        c.Name = name!.Trim();
        c.MaxPoints = m;
        c.EvidenceRequired = evidenceRequired;
        if (Maxima(sheet) is { Count: > 0 } problems) { db.ChangeTracker.Clear(); return Outcome.Fail([.. problems]); }
        // Decimals compare in memory: SQLite keeps them as text.
        var above = (await db.ScoreEntries.AsNoTracking().Where(e => e.CriterionId == c.Id).Select(e => new { e.SelfPoints, e.PeerPoints, e.FinalPoints }).ToListAsync(ct))
            .Count(e => e.SelfPoints > m || e.PeerPoints > m || e.FinalPoints > m);
        if (above > 0) { db.ChangeTracker.Clear(); return Outcome.Fail($"Tiêu chí \"{c.Name}\": {above} phiếu đã có điểm cao hơn {Points.Format(m)}; hãy để các đơn vị sửa điểm trước khi hạ điểm tối đa."); }
        return await SaveAsync(async () => db.Audit(actor.UserName, "Sửa tiêu chí", nameof(ScoreSheet), sheet.Id,
            $"trước: {before} → sau: {CriterionText(c)}{ReasonSuffix(sheet, reason)}", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    public async Task<Outcome> DeleteCriterionAsync(ScoringActor actor, int sheetId, int criterionId, int version, CancellationToken ct)
    {
        var (sheet, refusal) = await SheetForChangeAsync(actor, sheetId, version, null, true, ct);
        if (refusal is not null) return refusal;
        var group = sheet!.Groups.FirstOrDefault(g => g.Criteria.Any(c => c.Id == criterionId));
        if (group is null) return Outcome.Fail("Tiêu chí không thuộc bảng này.");
        var c = group.Criteria.First(x => x.Id == criterionId);
        db.ScoreCriteria.Remove(c);
        return await SaveAsync(async () => db.Audit(actor.UserName, "Xóa tiêu chí", nameof(ScoreSheet), sheet.Id,
            $"nhóm \"{group.Name}\": trước: {CriterionText(c)} → sau: —", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    /// <summary>The problems that keep a draft from being applied (empty when it may be applied).</summary>
    public static IReadOnlyList<string> ApplyProblems(ScoreSheet sheet, int members)
    {
        var problems = new List<string>();
        if (sheet.State != SheetState.Draft) problems.Add($"Bảng tiêu chí đang ở trạng thái \"{StateName(sheet.State)}\"; chỉ bảng dự thảo mới áp dụng được.");
        if (!sheet.Groups.Any(g => g.Kind == GroupKind.Regular && g.Criteria.Count > 0)) problems.Add("Bảng tiêu chí chưa có tiêu chí nào trong một nhóm tiêu chí thường.");
        foreach (var g in sheet.Groups.Where(g => g.Criteria.Count == 0)) problems.Add($"Nhóm \"{g.Name}\" chưa có tiêu chí nào.");
        problems.AddRange(Maxima(sheet));
        if (members < 2) problems.Add($"Khối có {members} đơn vị thành viên trong năm {sheet.Year}; cần ít nhất 2 đơn vị để chấm điểm và kiểm tra chéo.");
        return problems;
    }

    public Task<int> MemberCountAsync(int blocId, int year, CancellationToken ct) =>
        db.BlocMemberships.CountAsync(m => m.BlocId == blocId && m.FromYear <= year && (m.ToYear == null || m.ToYear >= year), ct);

    /// <summary>Draft → applied: the sheet is frozen and every member unit of the bloc that year gets a score card.</summary>
    public async Task<Outcome> ApplyAsync(ScoringActor actor, int sheetId, int version, CancellationToken ct)
    {
        if (!actor.Secretariat) return Outcome.Fail("Chỉ thường trực khối được áp dụng bảng tiêu chí.");
        var sheet = await db.ScoreSheets.Include(s => s.Groups).ThenInclude(g => g.Criteria).FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null) return Outcome.Fail("Không tìm thấy bảng tiêu chí.");
        if (sheet.Version != version) return Outcome.Stale;
        var units = await db.BlocMemberships.Where(m => m.BlocId == sheet.BlocId && m.FromYear <= sheet.Year && (m.ToYear == null || m.ToYear >= sheet.Year))
            .Select(m => m.UnitId).Distinct().ToListAsync(ct);
        if (ApplyProblems(sheet, units.Count) is { Count: > 0 } problems) return Outcome.Fail([.. problems]);
        db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
        sheet.State = SheetState.Applied;
        sheet.AppliedUtc = Now;
        sheet.UpdatedUtc = Now;
        var criteria = sheet.Groups.SelectMany(g => g.Criteria).ToList();
        foreach (var u in units.Order())
        {
            db.ScoreCards.Add(new ScoreCard
            {
                SheetId = sheet.Id, UnitId = u, State = CardState.SelfScoring, UpdatedUtc = Now,
                Entries = criteria.Select(c => new ScoreEntry { CriterionId = c.Id }).ToList(),
            });
        }
        return await SaveAsync(async () => db.Audit(actor.UserName, "Áp dụng bảng tiêu chí chấm điểm", nameof(ScoreSheet), sheet.Id,
            $"trước: {StateName(SheetState.Draft)} → sau: {StateName(SheetState.Applied)}; tạo {units.Count} phiếu chấm điểm", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    // ---------------------------------------------------------------- cards

    private async Task<(ScoreCard? Card, string Code)> CardAsync(int cardId, CancellationToken ct)
    {
        var card = await db.ScoreCards.Include(c => c.Sheet).Include(c => c.Unit).Include(c => c.Entries).ThenInclude(e => e.Criterion).ThenInclude(c => c!.Group)
            .FirstOrDefaultAsync(c => c.Id == cardId, ct);
        return (card, card is null ? "" : FormattableString.Invariant($"{card.Unit!.Code}-{card.Sheet!.Year}"));
    }

    private static string? OpenForWork(ScoreSheet sheet) =>
        sheet.State == SheetState.Closed ? "Bảng tiêu chí đã khóa sau hội nghị tổng kết; phiếu không sửa được nữa."
        : sheet.State == SheetState.Draft ? "Bảng tiêu chí chưa được áp dụng."
        : sheet.PublishedUtc is not null ? "Kết quả xếp hạng đã công bố; phiếu không sửa được nữa."
        : null;

    private static decimal Bound(ScoreEntry e) => e.Criterion!.MaxPoints;

    private static string CriterionLabel(ScoreEntry e) => $"Tiêu chí \"{e.Criterion!.Name}\"";

    /// <summary>
    /// The card's entry for a posted criterion and the points typed for it (empty: none); false with the Vietnamese
    /// message naming what is wrong: a criterion of another card, text that is not points, points beyond the criterion's bounds.
    /// </summary>
    private static bool TryReadPoints(ScoreCard card, int criterionId, string? text,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScoreEntry? e, out decimal? points,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        e = card.Entries.FirstOrDefault(x => x.CriterionId == criterionId);
        points = null;
        error = e is null ? "Tiêu chí không thuộc phiếu này."
            : !Points.TryParse(text, out points) ? $"{CriterionLabel(e)}: \"{Shorten(text)}\" không phải là số điểm hợp lệ (bước 0,5; ví dụ 12,5)."
            : points is { } val ? BoundError(e, val) : null;
        return error is null;
    }

    private static string? BoundError(ScoreEntry e, decimal v) =>
        v > Bound(e) ? $"{CriterionLabel(e)}: {Points.Format(v)} điểm vượt điểm tối đa {Points.Format(Bound(e))}" +
            (e.Criterion!.Group!.Kind == GroupKind.Penalty ? " (điểm trừ nhập là số điểm bị trừ)." : ".") : null;

    /// <summary>The unit saves its self-scores and evidence; optionally a stored evidence file per criterion.</summary>
    public async Task<Outcome> SaveSelfAsync(ScoringActor actor, int cardId, int version, IReadOnlyList<SelfInput> inputs,
        IReadOnlyDictionary<int, StoredDocument>? files, CancellationToken ct)
    {
        var (card, code) = await CardAsync(cardId, ct);
        if (card is null) return Outcome.Fail("Không tìm thấy phiếu chấm điểm.");
        if (!actor.ActsFor(card.UnitId)) return Outcome.Fail("Chỉ cán bộ thi đua của đơn vị được tự chấm phiếu của đơn vị mình.");
        if (OpenForWork(card.Sheet!) is { } closed) return Outcome.Fail(closed);
        if (card.State != CardState.SelfScoring) return Outcome.Fail("Phiếu đã nộp; không sửa điểm tự chấm được nữa.");
        if (clock.VietnamToday() > card.Sheet!.SelfScoreDeadline) return Outcome.Fail($"Đã quá hạn tự chấm ({VnFormat.Date(card.Sheet.SelfScoreDeadline)}).");
        if (card.Version != version) return Outcome.Stale;
        var errors = new List<string>();
        var changes = new List<string>();
        foreach (var input in inputs)
        {
            if (!TryReadPoints(card, input.CriterionId, input.Points, out var e, out var v, out var pe)) { errors.Add(pe); continue; }
            var evidence = string.IsNullOrWhiteSpace(input.Evidence) ? null : input.Evidence.Trim();
            if (CheckText(evidence, EvidenceMax, $"{CriterionLabel(e)}, minh chứng") is { } te) { errors.Add(te); continue; }
            if (e.SelfPoints != v) changes.Add($"{e.Criterion!.Name}: tự chấm trước: {Points.Format(e.SelfPoints)} → sau: {Points.Format(v)}");
            if (!string.Equals(e.Evidence, evidence, StringComparison.Ordinal)) changes.Add($"{e.Criterion!.Name}: minh chứng trước: {Clip(e.Evidence)} → sau: {Clip(evidence)}");
            e.SelfPoints = v;
            e.Evidence = evidence;
        }
        if (files is not null)
        {
            foreach (var (criterionId, doc) in files)
            {
                var e = card.Entries.FirstOrDefault(x => x.CriterionId == criterionId);
                if (e is null) continue;
                changes.Add($"{e.Criterion!.Name}: tệp minh chứng trước: {e.EvidenceFileName ?? "—"} → sau: {doc.FileName}");
                e.EvidenceStoredName = doc.StoredName; e.EvidenceFileName = doc.FileName; e.EvidenceKind = doc.Kind; e.EvidenceLength = doc.Length;
            }
        }
        if (errors.Count > 0) { db.ChangeTracker.Clear(); return Outcome.Fail([.. errors]); }
        if (changes.Count == 0) return Outcome.Done(card.Id);
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        card.UpdatedUtc = Now;
        return await SaveAsync(() => { db.Audit(actor.UserName, "Tự chấm điểm", nameof(ScoreCard), card.Id, string.Join("; ", changes), Now, code); return Task.CompletedTask; }, ct, card.Id);
    }

    private static string Clip(string? s) => s is null ? "—" : s.Length <= 80 ? $"\"{s}\"" : $"\"{s[..80]}…\"";

    public static IReadOnlyList<string> SubmitProblems(ScoreCard card)
    {
        var problems = new List<string>();
        foreach (var e in card.Entries.OrderBy(e => e.Criterion!.Group!.Order).ThenBy(e => e.Criterion!.Order))
        {
            if (e.SelfPoints is null) problems.Add($"{CriterionLabel(e)}: chưa tự chấm điểm.");
            else if (e.Criterion!.EvidenceRequired && e.Evidence is null && e.EvidenceStoredName is null) problems.Add($"{CriterionLabel(e)}: bắt buộc có minh chứng.");
        }
        return problems;
    }

    public async Task<Outcome> SubmitAsync(ScoringActor actor, int cardId, int version, CancellationToken ct)
    {
        var (card, code) = await CardAsync(cardId, ct);
        if (card is null) return Outcome.Fail("Không tìm thấy phiếu chấm điểm.");
        if (!actor.ActsFor(card.UnitId)) return Outcome.Fail("Chỉ cán bộ thi đua của đơn vị được nộp phiếu của đơn vị mình.");
        if (OpenForWork(card.Sheet!) is { } closed) return Outcome.Fail(closed);
        if (card.State != CardState.SelfScoring) return Outcome.Fail("Phiếu đã được nộp.");
        if (clock.VietnamToday() > card.Sheet!.SelfScoreDeadline) return Outcome.Fail($"Đã quá hạn tự chấm ({VnFormat.Date(card.Sheet.SelfScoreDeadline)}).");
        if (card.Version != version) return Outcome.Stale;
        if (SubmitProblems(card) is { Count: > 0 } problems) return Outcome.Fail([.. problems]);
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        card.State = CardState.Submitted;
        card.SubmittedUtc = Now;
        card.UpdatedUtc = Now;
        return await SaveAsync(() => { db.Audit(actor.UserName, "Nộp phiếu tự chấm", nameof(ScoreCard), card.Id,
            $"trước: {CardStateName(CardState.SelfScoring)} → sau: {CardStateName(CardState.Submitted)}; tổng tự chấm {Points.Format(Totals(card, e => e.SelfPoints).Total)}", Now, code); return Task.CompletedTask; }, ct, card.Id);
    }

    /// <summary>Totals of a card by kind, from the chosen points (self, peer or final; missing counts as 0).</summary>
    public static CardTotals Totals(ScoreCard card, Func<ScoreEntry, decimal?> pick) => new(card.UnitId, card.Unit?.Name ?? "",
        card.Entries.Where(e => e.Criterion!.Group!.Kind == GroupKind.Regular).Sum(e => pick(e) ?? 0),
        card.Entries.Where(e => e.Criterion!.Group!.Kind == GroupKind.Bonus).Sum(e => pick(e) ?? 0),
        card.Entries.Where(e => e.Criterion!.Group!.Kind == GroupKind.Penalty).Sum(e => pick(e) ?? 0));

    // ---------------------------------------------------------------- cross-checks

    /// <summary>Sets who cross-checks whom (card id → reviewing member unit, null for none). A unit never checks itself.</summary>
    public async Task<Outcome> AssignAsync(ScoringActor actor, int sheetId, int version, IReadOnlyDictionary<int, int?> reviewers, string action, CancellationToken ct)
    {
        if (!actor.Secretariat) return Outcome.Fail("Chỉ thường trực khối được phân công kiểm tra chéo.");
        var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null) return Outcome.Fail("Không tìm thấy bảng tiêu chí.");
        if (OpenForWork(sheet) is { } closed) return Outcome.Fail(closed);
        if (sheet.Version != version) return Outcome.Stale;
        var cards = await db.ScoreCards.Include(c => c.Unit).Where(c => c.SheetId == sheetId).ToListAsync(ct);
        var members = cards.Select(c => c.UnitId).ToHashSet();
        var names = cards.ToDictionary(c => c.UnitId, c => c.Unit!.Name);
        var errors = new List<string>();
        var changes = new List<string>();
        foreach (var (cardId, reviewer) in reviewers)
        {
            var card = cards.FirstOrDefault(c => c.Id == cardId);
            if (card is null) { errors.Add("Phiếu không thuộc bảng này."); continue; }
            if (reviewer is { } r && !members.Contains(r)) { errors.Add($"{card.Unit!.Name}: đơn vị kiểm tra chéo phải là thành viên của khối năm {sheet.Year}."); continue; }
            if (reviewer == card.UnitId) { errors.Add($"{card.Unit!.Name}: đơn vị không tự kiểm tra chéo phiếu của mình."); continue; }
            if (reviewer == card.ReviewerUnitId) continue;
            if (card.State == CardState.Checked) { errors.Add($"{card.Unit!.Name}: đã được kiểm tra chéo; không đổi đơn vị kiểm tra được nữa."); continue; }
            changes.Add($"{card.Unit!.Name}: trước: {(card.ReviewerUnitId is { } o ? names[o] : "—")} → sau: {(reviewer is { } n ? names[n] : "—")}");
            card.ReviewerUnitId = reviewer;
            card.UpdatedUtc = Now;
        }
        if (errors.Count > 0) { db.ChangeTracker.Clear(); return Outcome.Fail([.. errors]); }
        if (changes.Count == 0) return Outcome.Done(sheet.Id);
        db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
        sheet.UpdatedUtc = Now;
        return await SaveAsync(async () => db.Audit(actor.UserName, action, nameof(ScoreSheet), sheet.Id, string.Join("; ", changes), Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    /// <summary>The automatic rotation: members in order of unit code, each checked by the next (the last by the first).</summary>
    public static IReadOnlyDictionary<int, int?> Rotation(IEnumerable<(int CardId, int UnitId, string UnitCode)> cards, int shift = 1)
    {
        var list = cards.OrderBy(c => c.UnitCode, StringComparer.Ordinal).ToList();
        var result = new Dictionary<int, int?>();
        if (list.Count < 2) return result;
        var s = ((shift % list.Count) + list.Count) % list.Count;
        if (s == 0) s = 1;
        for (var i = 0; i < list.Count; i++) result[list[i].CardId] = list[(i + s) % list.Count].UnitId;
        return result;
    }

    public async Task<Outcome> RotateAsync(ScoringActor actor, int sheetId, int version, CancellationToken ct)
    {
        var cards = await db.ScoreCards.Where(c => c.SheetId == sheetId).Select(c => new { c.Id, c.UnitId, c.Unit!.Code }).ToListAsync(ct);
        return await AssignAsync(actor, sheetId, version, Rotation(cards.Select(c => (c.Id, c.UnitId, c.Code))), "Phân công kiểm tra chéo (luân phiên tự động)", ct);
    }

    /// <summary>The assigned peer unit proposes adjustments with a comment per criterion; <paramref name="send"/> finishes the check.</summary>
    public async Task<Outcome> SavePeerAsync(ScoringActor actor, int cardId, int version, IReadOnlyList<PeerInput> inputs, bool send, CancellationToken ct)
    {
        var (card, code) = await CardAsync(cardId, ct);
        if (card is null) return Outcome.Fail("Không tìm thấy phiếu chấm điểm.");
        if (card.ReviewerUnitId is not { } reviewer || !actor.ActsFor(reviewer)) return Outcome.Fail("Chỉ đơn vị được phân công kiểm tra chéo được đề xuất điều chỉnh phiếu này.");
        if (OpenForWork(card.Sheet!) is { } closed) return Outcome.Fail(closed);
        if (card.State != CardState.Submitted) return Outcome.Fail(card.State == CardState.SelfScoring ? "Đơn vị chưa nộp phiếu tự chấm." : "Phiếu đã được kiểm tra chéo xong.");
        if (card.Version != version) return Outcome.Stale;
        var errors = new List<string>();
        var changes = new List<string>();
        foreach (var input in inputs)
        {
            if (!TryReadPoints(card, input.CriterionId, input.Points, out var e, out var v, out var pe)) { errors.Add(pe); continue; }
            var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            if (CheckText(comment, CommentMax, $"{CriterionLabel(e)}, nhận xét") is { } te) { errors.Add(te); continue; }
            if (v is not null && v != e.SelfPoints && comment is null) { errors.Add($"{CriterionLabel(e)}: đề xuất điểm khác điểm tự chấm thì hãy ghi nhận xét."); continue; }
            if (e.PeerPoints != v || !string.Equals(e.PeerComment, comment, StringComparison.Ordinal))
                changes.Add($"{e.Criterion!.Name}: kiểm tra chéo trước: {Points.Format(e.PeerPoints)} {Clip(e.PeerComment)} → sau: {Points.Format(v)} {Clip(comment)}");
            e.PeerPoints = v;
            e.PeerComment = comment;
        }
        if (errors.Count > 0) { db.ChangeTracker.Clear(); return Outcome.Fail([.. errors]); }
        if (send)
        {
            // A criterion the peer left empty is taken as agreeing with the self-score.
            foreach (var e in card.Entries.Where(e => e.PeerPoints is null)) e.PeerPoints = e.SelfPoints;
            card.State = CardState.Checked;
            card.CheckedUtc = Now;
            changes.Add($"trạng thái trước: {CardStateName(CardState.Submitted)} → sau: {CardStateName(CardState.Checked)}; tổng đề xuất {Points.Format(Totals(card, e => e.PeerPoints).Total)}");
        }
        if (changes.Count == 0) return Outcome.Done(card.Id);
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        card.UpdatedUtc = Now;
        return await SaveAsync(() => { db.Audit(actor.UserName, send ? "Gửi kết quả kiểm tra chéo" : "Kiểm tra chéo", nameof(ScoreCard), card.Id, string.Join("; ", changes), Now, code); return Task.CompletedTask; }, ct, card.Id);
    }

    // ---------------------------------------------------------------- reconciliation, ranking

    public static string SourceName(FinalSource? s) => s switch
    {
        FinalSource.Self => "theo tự chấm",
        FinalSource.Peer => "theo kiểm tra chéo",
        FinalSource.Override => "thường trực khối quyết định",
        _ => "—",
    };

    /// <summary>The secretariat settles each criterion: the self-score, the peer's proposal, or its own value with a reason.</summary>
    public async Task<Outcome> ReconcileAsync(ScoringActor actor, int cardId, int version, IReadOnlyList<ReconcileInput> inputs, CancellationToken ct)
    {
        if (!actor.Secretariat) return Outcome.Fail("Chỉ thường trực khối được thống nhất điểm.");
        var (card, code) = await CardAsync(cardId, ct);
        if (card is null) return Outcome.Fail("Không tìm thấy phiếu chấm điểm.");
        if (OpenForWork(card.Sheet!) is { } closed) return Outcome.Fail(closed);
        if (!MayReconcile(card, clock.VietnamToday())) return Outcome.Fail($"Đơn vị chưa nộp phiếu tự chấm; hạn tự chấm là {VnFormat.Date(card.Sheet!.SelfScoreDeadline)}.");
        if (card.Version != version) return Outcome.Stale;
        var errors = new List<string>();
        var changes = new List<string>();
        foreach (var input in inputs)
        {
            var e = card.Entries.FirstOrDefault(x => x.CriterionId == input.CriterionId);
            if (e is null) { errors.Add("Tiêu chí không thuộc phiếu này."); continue; }
            if (input.Choice is null) continue;
            if (input.Choice == FinalSource.Self && e.SelfPoints is null) { errors.Add($"{CriterionLabel(e)}: đơn vị chưa tự chấm tiêu chí này; hãy chọn điểm khác và nêu lý do."); continue; }
            if (!Enum.IsDefined(input.Choice.Value)) { errors.Add($"{CriterionLabel(e)}: cách thống nhất không có trong danh sách lựa chọn."); continue; }
            decimal? value;
            string? reason = null;
            switch (input.Choice)
            {
                case FinalSource.Self:
                    value = e.SelfPoints;
                    break;
                case FinalSource.Peer:
                    if (e.PeerPoints is null) { errors.Add($"{CriterionLabel(e)}: chưa có đề xuất kiểm tra chéo."); continue; }
                    value = e.PeerPoints;
                    break;
                default:
                    if (PointsError($"{CriterionLabel(e)}, điểm quyết định", input.OverridePoints, out var o) is { } pe) { errors.Add(pe); continue; }
                    if (BoundError(e, o) is { } be) { errors.Add(be); continue; }
                    reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
                    if (reason is null) { errors.Add($"{CriterionLabel(e)}: thường trực khối quyết định điểm khác thì phải nêu lý do."); continue; }
                    if (CheckText(reason, ReasonMax, $"{CriterionLabel(e)}, lý do") is { } te) { errors.Add(te); continue; }
                    value = o;
                    break;
            }
            if (e.FinalPoints == value && e.FinalSource == input.Choice && string.Equals(e.OverrideReason, reason, StringComparison.Ordinal)) continue;
            changes.Add($"{e.Criterion!.Name}: điểm thống nhất trước: {Points.Format(e.FinalPoints)} ({SourceName(e.FinalSource)}) → sau: {Points.Format(value)} ({SourceName(input.Choice)}){(reason is null ? "" : $"; lý do: {reason}")}");
            e.FinalPoints = value;
            e.FinalSource = input.Choice;
            e.OverrideReason = reason;
        }
        if (errors.Count > 0) { db.ChangeTracker.Clear(); return Outcome.Fail([.. errors]); }
        if (changes.Count == 0) return Outcome.Done(card.Id);
        db.Entry(card).Property(c => c.Version).OriginalValue = version;
        card.UpdatedUtc = Now;
        return await SaveAsync(() => { db.Audit(actor.UserName, "Thống nhất điểm", nameof(ScoreCard), card.Id, string.Join("; ", changes), Now, code); return Task.CompletedTask; }, ct, card.Id);
    }

    /// <summary>A card is settled once submitted, or, when the unit never submitted, after the deadline has passed.</summary>
    public static bool MayReconcile(ScoreCard card, DateOnly today) => card.State != CardState.SelfScoring || today > card.Sheet!.SelfScoreDeadline;

    /// <summary>Publishing the ranking makes it visible to the members; every criterion of every card must be settled first.</summary>
    public async Task<Outcome> PublishAsync(ScoringActor actor, int sheetId, int version, CancellationToken ct)
    {
        if (!actor.Secretariat) return Outcome.Fail("Chỉ thường trực khối được công bố kết quả.");
        var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null) return Outcome.Fail("Không tìm thấy bảng tiêu chí.");
        if (OpenForWork(sheet) is { } closed) return Outcome.Fail(closed);
        if (sheet.Version != version) return Outcome.Stale;
        var cards = await ScoringQueries.CardsWithEntries(db).Where(c => c.SheetId == sheetId).ToListAsync(ct);
        var open = cards.Where(c => c.Entries.Any(e => e.FinalPoints is null)).Select(c => c.Unit!.Name).ToList();
        if (open.Count > 0) return Outcome.Fail($"Chưa thống nhất xong điểm của {open.Count} đơn vị: {string.Join(", ", open)}.");
        var ranked = ScoreRanking.Rank(cards.Select(c => Totals(c, e => e.FinalPoints)), sheet.TieBreakList);
        foreach (var r in ranked)
        {
            var card = cards.First(c => c.UnitId == r.Card.UnitId);
            card.Rank = r.Rank;
            card.Total = r.Card.Total;
        }
        db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
        sheet.PublishedUtc = Now;
        sheet.UpdatedUtc = Now;
        return await SaveAsync(async () => db.Audit(actor.UserName, "Công bố kết quả xếp hạng", nameof(ScoreSheet), sheet.Id,
            "trước: chưa công bố → sau: đã công bố; " + string.Join("; ", ranked.Select(r => $"{r.Rank}. {r.Card.UnitName} {Points.Format(r.Card.Total)}")), Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    /// <summary>Applied and published → closed, after the summary conference: nothing changes any more.</summary>
    public async Task<Outcome> CloseAsync(ScoringActor actor, int sheetId, int version, CancellationToken ct)
    {
        if (!actor.Secretariat) return Outcome.Fail("Chỉ thường trực khối được khóa bảng tiêu chí.");
        var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null) return Outcome.Fail("Không tìm thấy bảng tiêu chí.");
        if (CloseProblem(sheet) is { } p) return Outcome.Fail(p);
        if (sheet.Version != version) return Outcome.Stale;
        db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
        sheet.State = SheetState.Closed;
        sheet.ClosedUtc = Now;
        sheet.UpdatedUtc = Now;
        return await SaveAsync(async () => db.Audit(actor.UserName, "Khóa bảng tiêu chí chấm điểm", nameof(ScoreSheet), sheet.Id,
            $"trước: {StateName(SheetState.Applied)} → sau: {StateName(SheetState.Closed)}", Now, await SheetCodeAsync(sheet, ct)), ct, sheet.Id);
    }

    public static string? CloseProblem(ScoreSheet sheet) =>
        sheet.State == SheetState.Closed ? "Bảng tiêu chí đã khóa."
        : sheet.State == SheetState.Draft ? "Bảng tiêu chí còn là dự thảo; chỉ khóa được sau khi áp dụng và công bố kết quả."
        : sheet.PublishedUtc is null ? "Chưa công bố kết quả xếp hạng; hãy công bố trước khi khóa."
        : null;
}
