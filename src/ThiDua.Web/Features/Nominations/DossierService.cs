using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Movements;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>
/// What a new dossier proposes. <paramref name="AgencyId"/> is the proposing agency: the page derives it from the
/// account (an officer) or takes the secretariat's choice; the demo passes it. The subject is a person of the agency
/// (<paramref name="PersonId"/>) or a collective (<paramref name="UnitId"/>: the agency itself or a unit under it).
/// </summary>
public sealed record NewDossier(int AgencyId, NominationSubject Subject, int? PersonId, int? UnitId, string Code, int Year,
    NominationLevel Level, int? MovementId, AwardBasis Basis, int? PeriodFrom, int? PeriodTo, string? Achievement);

/// <summary>What the officer chose at creation and may correct while the dossier is a draft or returned (null period years = the dossier's year).</summary>
public sealed record DossierTerms(NominationLevel Level, int? MovementId, AwardBasis Basis, int? PeriodFrom, int? PeriodTo);

/// <summary>The editable text of a dossier: the achievement line, the report's sections, the justification.</summary>
public sealed record DossierText(string? Achievement, string? ReportBackground, string? ReportMeasures, string? ReportAchievements, string? ReportPriorAwards, string? Justification)
{
    public static DossierText Of(Nomination n) => new(n.Achievement, n.ReportBackground, n.ReportMeasures, n.ReportAchievements, n.ReportPriorAwards, n.Justification);
}

/// <summary>
/// Every change of a dossier's content: creating it (pre-filled from the registry), saving the report's sections,
/// adding and removing documents, each with its audit row in the same save. State changes are not here: they go
/// through <see cref="NominationWorkflow.Move"/>. Authorization by role and unit stays with the pages (the demo acts
/// as the accounts would).
/// </summary>
public sealed class DossierService(AppDbContext db)
{
    public const string EntityType = nameof(Nomination);

    /// <summary>The report's sections with their Vietnamese names and bounds, in the order of the form.</summary>
    public static readonly IReadOnlyList<(string Key, string Name, int Max)> Sections =
    [
        (nameof(DossierText.Achievement), "Nội dung thành tích (một dòng, dùng cho quyết định)", DossierRules.MaxAchievement),
        (nameof(DossierText.ReportBackground), "I. Sơ lược lý lịch / đặc điểm, tình hình", DossierRules.MaxBackground),
        (nameof(DossierText.ReportMeasures), "II.1. Chức năng, nhiệm vụ được giao; biện pháp, giải pháp", DossierRules.MaxMeasures),
        (nameof(DossierText.ReportAchievements), "II.2. Thành tích đạt được", DossierRules.MaxAchievements),
        (nameof(DossierText.ReportPriorAwards), "III. Các hình thức đã được khen thưởng", DossierRules.MaxPriorAwards),
        (nameof(DossierText.Justification), "Giải trình khi chưa đủ điều kiện", DossierRules.MaxJustification),
    ];

    public static string AuditCode(Nomination n) => FormattableString.Invariant($"{n.Code}-{n.Year}");

    public async Task<Nomination> CreateAsync(NewDossier d, string user, DateTime atUtc, CancellationToken ct = default)
    {
        if (!DossierRules.InYearRange(d.Year)) throw new DossierRefusedException(DossierRules.YearRangeMessage());
        if (!Enum.IsDefined(d.Subject)) throw new DossierRefusedException("Đối tượng: hãy chọn cá nhân hoặc tập thể.");
        var code = d.Code?.Trim() ?? "";
        if (!DossierRules.IsValidCode(d.Subject, code))
            throw new DossierRefusedException($"Danh hiệu, hình thức: \"{DossierRules.Clip(code, 20)}\" không dùng được cho {DossierRules.SubjectName(d.Subject).ToLowerInvariant()}. Hãy chọn trong danh sách.");
        var (from, to) = CheckTerms(code, d.Year, new DossierTerms(d.Level, d.MovementId, d.Basis, d.PeriodFrom, d.PeriodTo));
        var achievement = (d.Achievement ?? "").Trim();
        if (achievement.Length > DossierRules.MaxAchievement) throw new DossierRefusedException($"Nội dung thành tích: tối đa {VnFormat.Number(DossierRules.MaxAchievement)} ký tự.");

        var agency = await db.Units.AsNoTracking().Where(u => u.Id == d.AgencyId).Select(u => new { u.Id, u.Name, u.Kind }).FirstOrDefaultAsync(ct);
        if (agency is null || agency.Kind != UnitKind.Agency) throw new DossierRefusedException("Cơ quan đề nghị phải là một cơ quan có trong danh sách đơn vị.");
        var agencyUnits = await UnitScopeService.SubtreeAsync(db, agency.Id, ct);
        int? personId = null, unitId = null;
        if (d.Subject == NominationSubject.Person)
        {
            var p = d.PersonId is { } pid ? await db.People.AsNoTracking().Where(x => x.Id == pid).Select(x => new { x.Id, x.CurrentUnitId, x.IsActive }).FirstOrDefaultAsync(ct) : null;
            if (p is null || !p.IsActive || p.CurrentUnitId is not { } cu || !agencyUnits.Contains(cu))
                throw new DossierRefusedException("Cá nhân được đề nghị phải là một cán bộ đang công tác tại cơ quan đề nghị. Hãy tìm theo họ tên hoặc mã cá nhân rồi chọn.");
            personId = p.Id;
        }
        else
        {
            if (d.UnitId is not { } u || !agencyUnits.Contains(u))
                throw new DossierRefusedException("Tập thể được đề nghị phải là cơ quan đề nghị hoặc một đơn vị thuộc cơ quan. Hãy chọn trong danh sách.");
            unitId = u;
        }
        var blocId = await CheckTermsAsync(agency.Id, agency.Name, d.Year, d.Level, d.MovementId, ct);

        var n = new Nomination
        {
            Year = d.Year, Code = code, Subject = d.Subject, PersonId = personId, UnitId = unitId, AgencyId = agency.Id, Level = d.Level, BlocId = blocId,
            MovementId = d.MovementId, Basis = d.Basis, PeriodFrom = from, PeriodTo = to, Achievement = achievement,
            State = NominationState.Draft, StateChangedUtc = atUtc, CreatedUtc = atUtc, CreatedBy = user,
        };
        await PrefillAsync(n, ct);
        db.Nominations.Add(n);
        await db.SaveChangesAsync(ct);
        db.Audit(user, "Tạo hồ sơ đề nghị khen thưởng", EntityType, n.Id,
            $"trước: — → sau: {await SubjectNameAsync(n, ct)}, {AwardRecord.Name(code)} năm {d.Year}, {DossierRules.LevelName(d.Level)}, {agency.Name}; {NominationWorkflow.StateName(n.State)}",
            atUtc, AuditCode(n));
        await db.SaveChangesAsync(ct);
        return n;
    }

    /// <summary>
    /// Saves the report's sections of a draft or returned dossier, refusing a stale version (<see cref="DossierConflictException"/>)
    /// and text over a section's bound (naming the section); the audit row names the sections changed, before → after shortened.
    /// </summary>
    public async Task<Nomination> SaveReportAsync(int id, int expectedVersion, DossierText text, string user, DateTime atUtc, CancellationToken ct = default)
    {
        var values = new[] { text.Achievement, text.ReportBackground, text.ReportMeasures, text.ReportAchievements, text.ReportPriorAwards, text.Justification }
            .Select(v => (v ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).ToArray();
        for (var i = 0; i < Sections.Count; i++)
        {
            if (values[i].Length > Sections[i].Max)
                throw new DossierRefusedException($"{Sections[i].Name}: tối đa {VnFormat.Number(Sections[i].Max)} ký tự (đang có {VnFormat.Number(values[i].Length)}).");
        }
        if (values[0].Contains('\n', StringComparison.Ordinal)) throw new DossierRefusedException($"{Sections[0].Name}: chỉ một dòng.");
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        var before = DossierText.Of(n);
        var old = new[] { before.Achievement, before.ReportBackground, before.ReportMeasures, before.ReportAchievements, before.ReportPriorAwards, before.Justification ?? "" };
        var changes = new List<string>();
        for (var i = 0; i < Sections.Count; i++)
        {
            if (string.Equals(old[i] ?? "", values[i], StringComparison.Ordinal)) continue;
            changes.Add($"[{Sections[i].Name}] trước: {Quote(old[i])} → sau: {Quote(values[i])}");
        }
        if (changes.Count == 0) return n;
        n.Achievement = values[0];
        n.ReportBackground = values[1];
        n.ReportMeasures = values[2];
        n.ReportAchievements = values[3];
        n.ReportPriorAwards = values[4];
        n.Justification = values[5].Length == 0 ? null : values[5];
        db.Audit(user, "Sửa hồ sơ đề nghị khen thưởng", EntityType, n.Id,
            $"các phần đã sửa: {string.Join("; ", changes)}", atUtc, AuditCode(n));
        await SaveAsync(ct);
        return n;
    }

    /// <summary>
    /// Changes what the officer chose at creation — level, movement, basis, achievement period — on a draft or returned
    /// dossier, through the very checks <see cref="CreateAsync"/> makes (same messages), so a correction cannot produce
    /// a dossier that could not have been created. The title, subject, year and agency stay: changing those is a
    /// different dossier. The checks and checklist are computed from the stored values each time they are shown, so
    /// they follow the new values without anything to refresh. Stale version: <see cref="DossierConflictException"/>.
    /// </summary>
    public async Task<Nomination> ChangeTermsAsync(int id, int expectedVersion, DossierTerms terms, string user, DateTime atUtc, CancellationToken ct = default)
    {
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        var (from, to) = CheckTerms(n.Code, n.Year, terms);
        var agencyName = await db.Units.AsNoTracking().Where(u => u.Id == n.AgencyId).Select(u => u.Name).FirstAsync(ct);
        var blocId = await CheckTermsAsync(n.AgencyId, agencyName, n.Year, terms.Level, terms.MovementId, ct);
        var before = await TermsTextAsync(n.Level, n.MovementId, n.Basis, n.PeriodFrom ?? n.Year, n.PeriodTo ?? n.Year, ct);
        var after = await TermsTextAsync(terms.Level, terms.MovementId, terms.Basis, from, to, ct);
        if (string.Equals(before, after, StringComparison.Ordinal) && n.BlocId == blocId) return n;
        n.Level = terms.Level;
        n.BlocId = blocId;
        n.MovementId = terms.MovementId;
        n.Basis = terms.Basis;
        n.PeriodFrom = from;
        n.PeriodTo = to;
        db.Audit(user, "Sửa cấp xét, phong trào, loại thành tích, thời gian", EntityType, n.Id, $"trước: {before} → sau: {after}", atUtc, AuditCode(n));
        await SaveAsync(ct);
        return n;
    }

    /// <summary>The checks of the chosen terms that need no database (create and change share them).</summary>
    private static (int From, int To) CheckTerms(string code, int year, DossierTerms t)
    {
        if (!Enum.IsDefined(t.Level)) throw new DossierRefusedException("Cấp xét: hãy chọn cấp cơ quan hoặc cấp khối.");
        if (!DossierRules.IsValidLevel(t.Level, code))
            throw new DossierRefusedException($"Cấp xét: {AwardRecord.Name(code)} do Hội đồng TĐKT của cơ quan xét, không đề nghị ở cấp khối.");
        if (!Enum.IsDefined(t.Basis)) throw new DossierRefusedException("Loại thành tích: hãy chọn công trạng, đột xuất hoặc chuyên đề.");
        var from = t.PeriodFrom ?? year;
        var to = t.PeriodTo ?? year;
        if (!DossierRules.InYearRange(from) || !DossierRules.InYearRange(to)) throw new DossierRefusedException(DossierRules.YearRangeMessage("Thời gian lập thành tích"));
        if (from > to) throw new DossierRefusedException("Thời gian lập thành tích: năm bắt đầu phải không sau năm kết thúc.");
        if (to > year) throw new DossierRefusedException($"Thời gian lập thành tích: năm kết thúc không được sau năm đề nghị ({year}).");
        return (from, to);
    }

    /// <summary>The checks of the level (the agency's bloc that year) and the movement (one the agency sees, not later than the year); returns the bloc.</summary>
    private async Task<int?> CheckTermsAsync(int agencyId, string agencyName, int year, NominationLevel level, int? movementId, CancellationToken ct)
    {
        int? blocId = null;
        if (level == NominationLevel.Bloc)
        {
            blocId = await db.BlocMemberships.AsNoTracking().Where(m => m.UnitId == agencyId && m.FromYear <= year && (m.ToYear == null || m.ToYear >= year))
                .OrderBy(m => m.BlocId).Select(m => (int?)m.BlocId).FirstOrDefaultAsync(ct);
            if (blocId is null) throw new DossierRefusedException($"Cấp xét: {agencyName} không là thành viên khối thi đua nào năm {year}.");
        }
        if (movementId is { } mid)
        {
            var movement = await db.Movements.AsNoTracking().Where(m => m.Id == mid).Select(m => new { m.Year }).FirstOrDefaultAsync(ct)
                ?? throw new DossierRefusedException("Phong trào: không có phong trào này. Hãy chọn trong danh sách.");
            if (!await (await MovementService.LaunchedSeenByAgencyAsync(db, agencyId, ct)).AnyAsync(m => m.Id == mid, ct))
                throw new DossierRefusedException($"Phong trào: {agencyName} không được phát động hoặc tham gia phong trào này. Hãy chọn trong danh sách.");
            if (movement.Year > year) throw new DossierRefusedException($"Phong trào: phát động năm {movement.Year}, sau năm đề nghị {year}.");
        }
        return blocId;
    }

    private async Task<string> TermsTextAsync(NominationLevel level, int? movementId, AwardBasis basis, int from, int to, CancellationToken ct)
    {
        var movement = movementId is { } mid ? await db.Movements.AsNoTracking().Where(m => m.Id == mid).Select(m => m.Theme).FirstOrDefaultAsync(ct) : null;
        return FormattableString.Invariant($"{DossierRules.LevelName(level)}; phong trào: {(movement is null ? "không gắn" : DossierRules.Clip(movement, 80))}; {DossierRules.BasisName(basis)}; thành tích {from}–{to}");
    }

    /// <summary>Records a document already checked and stored by <see cref="DocumentFiles"/>, typed, on a draft or returned dossier.</summary>
    public async Task<DossierDocument> AddDocumentAsync(int id, DossierDocumentKind kind, StoredDocument file, string user, DateTime atUtc, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind)) throw new DossierRefusedException("Loại tài liệu: hãy chọn trong danh sách.");
        var n = await db.Nominations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new DossierRefusedException("Không tìm thấy hồ sơ đề nghị.");
        EnsureEditable(n);
        var doc = new DossierDocument
        {
            NominationId = n.Id, Kind = kind, FileName = file.FileName, StoredName = file.StoredName, ContentType = file.ContentType,
            Size = file.Length, UploadedUtc = atUtc, UploadedBy = user,
        };
        db.DossierDocuments.Add(doc);
        await db.SaveChangesAsync(ct);
        db.Audit(user, "Thêm tài liệu hồ sơ đề nghị", EntityType, n.Id,
            FormattableString.Invariant($"trước: — → sau: {NominationWorkflow.DocumentKindName(kind)}: {file.FileName} ({VnFormat.Number(file.Length / 1024)} KB), tài liệu số {doc.Id}"), atUtc, AuditCode(n));
        await db.SaveChangesAsync(ct);
        return doc;
    }

    /// <summary>Removes a document of a draft or returned dossier; returns its stored name for the caller to delete the file after the save.</summary>
    public async Task<string> RemoveDocumentAsync(int id, int documentId, string user, DateTime atUtc, CancellationToken ct = default)
    {
        var n = await db.Nominations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new DossierRefusedException("Không tìm thấy hồ sơ đề nghị.");
        EnsureEditable(n);
        var doc = await db.DossierDocuments.FirstOrDefaultAsync(x => x.Id == documentId && x.NominationId == n.Id, ct)
            ?? throw new DossierRefusedException("Tài liệu không có trong hồ sơ này.");
        db.DossierDocuments.Remove(doc);
        db.Audit(user, "Xóa tài liệu hồ sơ đề nghị", EntityType, n.Id,
            FormattableString.Invariant($"trước: {NominationWorkflow.DocumentKindName(doc.Kind)}: {doc.FileName}, tài liệu số {doc.Id} → sau: —"), atUtc, AuditCode(n));
        await db.SaveChangesAsync(ct);
        return doc.StoredName;
    }

    /// <summary>The subject's display name: "Nguyễn Văn A (CB001)" or the collective's name.</summary>
    public async Task<string> SubjectNameAsync(Nomination n, CancellationToken ct = default)
    {
        if (n.Subject == NominationSubject.Person)
        {
            var p = await db.People.AsNoTracking().Where(x => x.Id == n.PersonId).Select(x => new { x.FamilyName, x.MiddleName, x.GivenName, x.PersonalCode }).FirstAsync(ct);
            return $"{VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName)} ({p.PersonalCode})";
        }
        return await db.Units.AsNoTracking().Where(u => u.Id == n.UnitId).Select(u => u.Name).FirstAsync(ct);
    }

    /// <summary>Fills the report's sections from the registry: identity, the years' ratings and initiatives, prior awards.</summary>
    public async Task PrefillAsync(Nomination n, CancellationToken ct = default)
    {
        var inv = CultureInfo.InvariantCulture;
        var firstYear = Math.Min(n.PeriodFrom ?? n.Year, n.Year - 4);
        var bg = new StringBuilder();
        var ach = new StringBuilder();
        var prior = new StringBuilder();
        List<AwardRecord> awards;
        if (n.Subject == NominationSubject.Person)
        {
            var p = await db.People.AsNoTracking().Include(x => x.CurrentUnit).FirstAsync(x => x.Id == n.PersonId, ct);
            bg.AppendLine(inv, $"- Họ và tên: {VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName)}");
            bg.AppendLine(inv, $"- Ngày, tháng, năm sinh: {(p.BirthDate is { } b ? VnFormat.Date(b) : "chưa có trong cơ sở dữ liệu")}");
            bg.AppendLine(inv, $"- Giới tính: {(p.Gender == Gender.Female ? "Nữ" : "Nam")}");
            bg.AppendLine(inv, $"- Chức vụ: {(string.IsNullOrWhiteSpace(p.Position) ? "—" : p.Position)}");
            bg.AppendLine(inv, $"- Đơn vị công tác: {p.CurrentUnit?.Name ?? "—"}");
            bg.Append(inv, $"- Ngày tuyển dụng: {(p.HiredOn is { } h ? VnFormat.Date(h) : "chưa có trong cơ sở dữ liệu")}");
            var ratings = await db.YearRatings.AsNoTracking().Where(r => r.PersonId == p.Id && r.Year >= firstYear && r.Year <= n.Year).OrderBy(r => r.Year).ToListAsync(ct);
            ach.AppendLine("Kết quả xếp loại chất lượng các năm:");
            if (ratings.Count == 0) ach.AppendLine("- (chưa có trong cơ sở dữ liệu)");
            foreach (var r in ratings) ach.AppendLine(string.Create(inv, $"- Năm {r.Year}: {EligibilityCodes.RatingName(r.Rating)}"));
            var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.PersonId == p.Id && i.Year >= firstYear && i.Year <= n.Year).OrderBy(i => i.Year).ToListAsync(ct);
            if (initiatives.Count > 0)
            {
                ach.AppendLine("Sáng kiến, đề tài được công nhận:");
                foreach (var i in initiatives) ach.AppendLine(string.Create(inv, $"- Năm {i.Year}: {i.Title} (phạm vi {EligibilityCodes.ScopeName(i.Scope)})"));
            }
            awards = await db.Awards.AsNoTracking().Where(a => a.PersonId == p.Id && a.RevokedOn == null && a.Status == AwardStatus.Conferred).OrderBy(a => a.Year).ToListAsync(ct);
        }
        else
        {
            var u = await db.Units.AsNoTracking().Include(x => x.Parent).FirstAsync(x => x.Id == n.UnitId, ct);
            var subtree = await UnitScopeService.SubtreeAsync(db, u.Id, ct);
            var people = await db.People.AsNoTracking().CountAsync(x => x.IsActive && x.CurrentUnitId != null && subtree.Contains(x.CurrentUnitId.Value), ct);
            bg.AppendLine(inv, $"- Tên tập thể: {u.Name}");
            bg.AppendLine(inv, $"- Trực thuộc: {u.Parent?.Name ?? "—"}");
            bg.Append(inv, $"- Tổng số cán bộ, công chức, viên chức, người lao động: {VnFormat.Number(people)} người (theo cơ sở dữ liệu)");
            var records = await db.UnitYearRecords.AsNoTracking().Where(r => r.UnitId == u.Id && r.Year >= firstYear && r.Year <= n.Year).OrderBy(r => r.Year).ToListAsync(ct);
            ach.AppendLine("Kết quả xếp loại chất lượng tập thể các năm:");
            if (records.Count == 0) ach.AppendLine("- (chưa có trong cơ sở dữ liệu)");
            foreach (var r in records) ach.AppendLine(string.Create(inv, $"- Năm {r.Year}: {EligibilityCodes.RatingName(r.Rating)}"));
            awards = await db.Awards.AsNoTracking().Where(a => a.UnitId == u.Id && a.PersonId == null && a.RevokedOn == null && a.Status == AwardStatus.Conferred).OrderBy(a => a.Year).ToListAsync(ct);
        }
        var titles = awards.Where(a => AwardRecord.PersonTitleCodes.Contains(a.Code) || EligibilityCodes.Collective.Contains(a.Code) || a.Code is "CO_BO" or "CO_CP").ToList();
        prior.AppendLine("1. Danh hiệu thi đua:");
        if (titles.Count == 0) prior.AppendLine("- (chưa có)");
        foreach (var a in titles) prior.AppendLine(AwardLine(a));
        prior.AppendLine("2. Hình thức khen thưởng:");
        var forms = awards.Except(titles).ToList();
        if (forms.Count == 0) prior.AppendLine("- (chưa có)");
        foreach (var a in forms) prior.AppendLine(AwardLine(a));
        n.ReportBackground = Bound(bg.ToString().TrimEnd(), DossierRules.MaxBackground);
        n.ReportAchievements = Bound(ach.ToString().TrimEnd(), DossierRules.MaxAchievements);
        n.ReportPriorAwards = Bound(prior.ToString().TrimEnd(), DossierRules.MaxPriorAwards);
    }

    private static string AwardLine(AwardRecord a) =>
        string.Create(CultureInfo.InvariantCulture, $"- Năm {a.Year}: {AwardRecord.Name(a.Code)}")
        + (a.DecisionNumber is null ? "" : $", Quyết định số {a.DecisionNumber}")
        + (a.DecisionDate is { } d ? $" ngày {VnFormat.Date(d)}" : "")
        + $" của {a.Authority}";

    private static string Bound(string s, int max) => s.Length <= max ? s : s[..max];

    private static string Quote(string? s) => $"\"{DossierRules.Clip(s, 80)}\"";

    private static void EnsureEditable(Nomination n)
    {
        if (!DossierRules.IsEditable(n.State))
            throw new DossierRefusedException($"Hồ sơ đang ở trạng thái \"{NominationWorkflow.StateName(n.State)}\": chỉ sửa được khi là dự thảo hoặc bị trả lại để bổ sung.");
    }

    private async Task<Nomination> LoadForChangeAsync(int id, int expectedVersion, CancellationToken ct)
    {
        var n = await db.Nominations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new DossierRefusedException("Không tìm thấy hồ sơ đề nghị.");
        if (n.Version != expectedVersion) throw new DossierConflictException();
        EnsureEditable(n);
        // The version the user saw is the one the update must find; a save in between makes it fail.
        db.Entry(n).Property(x => x.Version).OriginalValue = expectedVersion;
        return n;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DossierConflictException();
        }
    }
}
