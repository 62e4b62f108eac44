using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Movements;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>A refusal because someone else saved the registration first; the page keeps what was typed.</summary>
public sealed class RegistrationConflictException() : Exception(Message_)
{
    public const string Message_ = "Bản đăng ký vừa được người khác thay đổi. Những gì bạn nhập vẫn ở trên biểu mẫu; hãy xem lại rồi gửi lần nữa.";
}

/// <summary>What a new line registers; validated against the agency and the catalogue by <see cref="RegistrationService.AddLineAsync"/>.</summary>
public sealed record NewLine(RegistrationSubject Subject, int? UnitId, int? PersonId, string Code, string? Note);

/// <summary>A movement a registration may answer: its id, name (theme) and year, and whether it is the bloc's regular movement of the year.</summary>
public sealed record MovementOption(int Id, string Theme, int Year, bool BlocRegular)
{
    public string Label => FormattableString.Invariant($"{Theme} ({Year})");

    /// <summary>The bloc's regular movement of the year when there is exactly one among <paramref name="options"/>; otherwise none.</summary>
    public static int? DefaultOf(IReadOnlyList<MovementOption> options) =>
        options.Count(o => o.BlocRegular) == 1 ? options.Single(o => o.BlocRegular).Id : null;
}

/// <summary>
/// Every change of a registration: creating it, adding and removing lines, and its state transitions, each with its
/// audit entry in the same save. The pages and the demo year call these; authorization by role and unit stays with
/// the pages (the demo acts as the accounts would).
/// </summary>
public sealed class RegistrationService(AppDbContext db)
{
    public const string EntityType = nameof(Registration);

    public static string AuditCode(string unitCode, int year) => FormattableString.Invariant($"{unitCode}-{year}");

    /// <summary>Creates the agency's draft for a year; one registration per agency and year.</summary>
    public async Task<Registration> CreateAsync(int agencyId, int year, int? movementId, string user, DateTime atUtc, CancellationToken ct = default)
    {
        if (!RegistrationRules.InYearRange(year)) throw new RegistrationRefusedException(RegistrationRules.YearRangeMessage());
        var agency = await db.Units.AsNoTracking().Where(u => u.Id == agencyId).Select(u => new { u.Id, u.Name, u.Code, u.Kind }).FirstOrDefaultAsync(ct);
        if (agency is null || agency.Kind != UnitKind.Agency) throw new RegistrationRefusedException("Cơ quan đăng ký phải là một cơ quan có trong danh sách đơn vị.");
        if (await db.Registrations.AnyAsync(r => r.UnitId == agencyId && r.Year == year, ct))
            throw new RegistrationRefusedException($"{agency.Name} đã có bản đăng ký thi đua năm {year}.");
        string? movementText = null;
        if (movementId is { } mid)
        {
            var movement = await db.Movements.AsNoTracking().Where(m => m.Id == mid).Select(m => new { m.Theme, m.Year }).FirstOrDefaultAsync(ct);
            if (movement is null) throw new RegistrationRefusedException("Phong trào: không có phong trào này. Hãy chọn trong danh sách.");
            if (movement.Year != year) throw new RegistrationRefusedException($"Phong trào: phải là một phong trào của năm {year}. Hãy chọn trong danh sách.");
            if (!await (await MovementService.LaunchedSeenByAgencyAsync(db, agencyId, ct)).AnyAsync(m => m.Id == mid, ct))
                throw new RegistrationRefusedException($"Phong trào: {agency.Name} không được phát động hoặc tham gia phong trào này. Hãy chọn trong danh sách.");
            movementText = FormattableString.Invariant($"{movement.Theme} ({movement.Year})");
        }
        var reg = new Registration { UnitId = agencyId, Year = year, MovementId = movementId, State = RegistrationState.Draft, CreatedUtc = atUtc, ChangedUtc = atUtc, CreatedBy = user };
        db.Registrations.Add(reg);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another officer created it between the check and the save (the unique index on agency and year).
            db.Entry(reg).State = EntityState.Detached;
            throw new RegistrationRefusedException($"{agency.Name} đã có bản đăng ký thi đua năm {year}.");
        }
        db.Audit(user, "Tạo bản đăng ký thi đua", EntityType, reg.Id,
            $"trước: — → sau: {agency.Name} năm {year}, {RegistrationRules.StateName(reg.State)}{(movementText is null ? "" : $", phong trào: {movementText}")}",
            atUtc, AuditCode(agency.Code, year));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return reg;
    }


    /// <summary>The movements of <paramref name="year"/> an agency may answer with its registration, by name.</summary>
    public async Task<List<MovementOption>> MovementOptionsAsync(int agencyId, int year, CancellationToken ct = default)
    {
        var list = await (await MovementService.LaunchedSeenByAgencyAsync(db, agencyId, ct)).AsNoTracking().Where(m => m.Year == year)
            .Select(m => new MovementOption(m.Id, m.Theme, m.Year, m.Kind == MovementKind.Regular && !m.IsNational && m.BlocId != null && m.LaunchedByUnitId == null))
            .ToListAsync(ct);
        return list.OrderByDescending(o => o.BlocRegular).ThenBy(o => o.Theme, StringComparer.Ordinal).ThenBy(o => o.Id).ToList();
    }

    /// <summary>Adds a line: the subject must belong to the agency, the code must suit the subject, and the same line may not be there twice.</summary>
    public async Task<RegistrationLine> AddLineAsync(int registrationId, int expectedVersion, NewLine line, string user, DateTime atUtc, CancellationToken ct = default)
    {
        var (reg, unitCode) = await LoadForChangeAsync(registrationId, expectedVersion, ct);
        if (!RegistrationRules.IsEditable(reg.State))
            throw new RegistrationRefusedException($"Bản đăng ký đang ở trạng thái \"{RegistrationRules.StateName(reg.State)}\": chỉ sửa được khi là dự thảo hoặc bị trả lại.");
        var code = line.Code?.Trim() ?? "";
        if (!RegistrationRules.IsValidCode(line.Subject, code))
            throw new RegistrationRefusedException($"Danh hiệu, hình thức \"{(code.Length > 20 ? code[..20] : code)}\" không dùng được cho {RegistrationRules.SubjectName(line.Subject).ToLowerInvariant()}. Hãy chọn trong danh sách.");
        var note = string.IsNullOrWhiteSpace(line.Note) ? null : line.Note.Trim();
        if (note is { Length: > RegistrationRules.MaxNote }) throw new RegistrationRefusedException($"Ghi chú tối đa {RegistrationRules.MaxNote} ký tự.");
        var agencyUnits = await UnitScopeService.SubtreeAsync(db, reg.UnitId, ct);
        int? unitId = null, personId = null;
        string subjectText;
        switch (line.Subject)
        {
            case RegistrationSubject.Agency:
                unitId = reg.UnitId;
                subjectText = await db.Units.Where(u => u.Id == reg.UnitId).Select(u => u.Name).FirstAsync(ct);
                break;
            case RegistrationSubject.SubUnit:
                if (line.UnitId is not { } u || u == reg.UnitId || !agencyUnits.Contains(u))
                    throw new RegistrationRefusedException("Đơn vị trực thuộc phải là một đơn vị thuộc cơ quan đăng ký. Hãy chọn trong danh sách.");
                unitId = u;
                subjectText = await db.Units.Where(x => x.Id == u).Select(x => x.Name).FirstAsync(ct);
                break;
            case RegistrationSubject.Person:
                var person = line.PersonId is { } pid
                    ? await db.People.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Id, p.CurrentUnitId, p.IsActive, p.FamilyName, p.MiddleName, p.GivenName, p.PersonalCode }).FirstOrDefaultAsync(ct)
                    : null;
                if (person is null || person.CurrentUnitId is not { } cu || !agencyUnits.Contains(cu) || !person.IsActive)
                    throw new RegistrationRefusedException("Cá nhân phải là một cán bộ đang công tác tại cơ quan đăng ký. Hãy tìm theo họ tên hoặc mã cá nhân rồi chọn.");
                personId = person.Id;
                subjectText = $"{VietnameseText.FullName(person.FamilyName, person.MiddleName, person.GivenName)} ({person.PersonalCode})";
                break;
            default:
                throw new RegistrationRefusedException("Hãy chọn đối tượng đăng ký: cơ quan, đơn vị trực thuộc hoặc cá nhân.");
        }
        if (await db.RegistrationLines.AnyAsync(l => l.RegistrationId == reg.Id && l.Code == code && l.SubjectUnitId == unitId && l.PersonId == personId, ct))
            throw new RegistrationRefusedException($"{subjectText} đã được đăng ký {AwardRecord.Name(code)}.");
        var added = new RegistrationLine { RegistrationId = reg.Id, Subject = line.Subject, SubjectUnitId = unitId, PersonId = personId, Code = code, Note = note };
        db.RegistrationLines.Add(added);
        reg.ChangedUtc = atUtc;
        db.Audit(user, "Thêm dòng đăng ký thi đua", EntityType, reg.Id,
            $"trước: — → sau: {RegistrationRules.SubjectName(line.Subject)} {subjectText}: {AwardRecord.Name(code)} ({code}){(note is null ? "" : "; ghi chú: " + note)}",
            atUtc, AuditCode(unitCode, reg.Year));
        await SaveAsync(ct);
        return added;
    }

    /// <summary>Removes a line of a draft or returned registration.</summary>
    public async Task RemoveLineAsync(int registrationId, int expectedVersion, int lineId, string user, DateTime atUtc, CancellationToken ct = default)
    {
        var (reg, unitCode) = await LoadForChangeAsync(registrationId, expectedVersion, ct);
        if (!RegistrationRules.IsEditable(reg.State))
            throw new RegistrationRefusedException($"Bản đăng ký đang ở trạng thái \"{RegistrationRules.StateName(reg.State)}\": chỉ sửa được khi là dự thảo hoặc bị trả lại.");
        var line = await db.RegistrationLines.FirstOrDefaultAsync(l => l.Id == lineId && l.RegistrationId == reg.Id, ct)
            ?? throw new RegistrationRefusedException("Dòng đăng ký không có trong bản đăng ký này.");
        var text = await LineTextAsync(line, ct);
        db.RegistrationLines.Remove(line);
        reg.ChangedUtc = atUtc;
        db.Audit(user, "Xóa dòng đăng ký thi đua", EntityType, reg.Id, $"trước: {text} → sau: —", atUtc, AuditCode(unitCode, reg.Year));
        await SaveAsync(ct);
    }

    /// <summary>The agency submits its draft (or resubmits it after a return): at least one line.</summary>
    public async Task SubmitAsync(int registrationId, int expectedVersion, string user, DateTime atUtc, CancellationToken ct = default)
    {
        var (reg, unitCode) = await LoadForChangeAsync(registrationId, expectedVersion, ct);
        var lines = await db.RegistrationLines.CountAsync(l => l.RegistrationId == reg.Id, ct);
        if (lines == 0 && RegistrationRules.CanMove(reg.State, RegistrationState.Submitted))
            throw new RegistrationRefusedException("Bản đăng ký chưa có dòng nào: hãy thêm ít nhất một danh hiệu hoặc hình thức trước khi nộp.");
        var from = Move(reg, RegistrationState.Submitted);
        reg.SubmittedUtc = atUtc;
        reg.SubmittedBy = user;
        reg.ChangedUtc = atUtc;
        db.Audit(user, from == RegistrationState.Returned ? "Nộp lại bản đăng ký thi đua" : "Nộp bản đăng ký thi đua", EntityType, reg.Id,
            $"trước: {RegistrationRules.StateName(from)} → sau: {RegistrationRules.StateName(reg.State)}; {VnFormat.Number(lines)} dòng", atUtc, AuditCode(unitCode, reg.Year));
        await SaveAsync(ct);
    }

    /// <summary>The bloc secretariat returns a submitted registration with a reason; the agency may then edit and resubmit it.</summary>
    public async Task ReturnAsync(int registrationId, int expectedVersion, string? reason, string user, DateTime atUtc, CancellationToken ct = default)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) throw new RegistrationRefusedException("Hãy nhập lý do trả lại.");
        if (why.Length > RegistrationRules.MaxReason) throw new RegistrationRefusedException($"Lý do trả lại tối đa {RegistrationRules.MaxReason} ký tự.");
        var (reg, unitCode) = await LoadForChangeAsync(registrationId, expectedVersion, ct);
        var from = Move(reg, RegistrationState.Returned);
        reg.ReturnReason = why;
        reg.DecidedUtc = atUtc;
        reg.DecidedBy = user;
        reg.ChangedUtc = atUtc;
        db.Audit(user, "Trả lại bản đăng ký thi đua", EntityType, reg.Id,
            $"trước: {RegistrationRules.StateName(from)} → sau: {RegistrationRules.StateName(reg.State)}; lý do: {why}", atUtc, AuditCode(unitCode, reg.Year));
        await SaveAsync(ct);
    }

    /// <summary>The bloc secretariat approves a submitted registration.</summary>
    public async Task ApproveAsync(int registrationId, int expectedVersion, string user, DateTime atUtc, CancellationToken ct = default)
    {
        var (reg, unitCode) = await LoadForChangeAsync(registrationId, expectedVersion, ct);
        var from = Move(reg, RegistrationState.Approved);
        reg.DecidedUtc = atUtc;
        reg.DecidedBy = user;
        reg.ChangedUtc = atUtc;
        db.Audit(user, "Duyệt bản đăng ký thi đua", EntityType, reg.Id,
            $"trước: {RegistrationRules.StateName(from)} → sau: {RegistrationRules.StateName(reg.State)}", atUtc, AuditCode(unitCode, reg.Year));
        await SaveAsync(ct);
    }

    private static RegistrationState Move(Registration reg, RegistrationState to)
    {
        var from = reg.State;
        if (!RegistrationRules.CanMove(from, to)) throw new RegistrationRefusedException(RegistrationRules.MoveRefused(from, to));
        reg.State = to;
        return from;
    }

    private async Task<(Registration Reg, string UnitCode)> LoadForChangeAsync(int id, int expectedVersion, CancellationToken ct)
    {
        var reg = await db.Registrations.FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new RegistrationRefusedException("Không tìm thấy bản đăng ký thi đua.");
        if (reg.Version != expectedVersion) throw new RegistrationConflictException();
        // The version the user saw is the one the update must find; a save in between makes it fail.
        db.Entry(reg).Property(r => r.Version).OriginalValue = expectedVersion;
        var unitCode = await db.Units.Where(u => u.Id == reg.UnitId).Select(u => u.Code).FirstAsync(ct);
        return (reg, unitCode);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new RegistrationConflictException();
        }
    }

    /// <summary>A line as the audit names it: subject kind, subject, title or form with its code, note.</summary>
    public async Task<string> LineTextAsync(RegistrationLine l, CancellationToken ct = default)
    {
        string subject;
        if (l.PersonId is { } pid)
        {
            var p = await db.People.AsNoTracking().Where(x => x.Id == pid).Select(x => new { x.FamilyName, x.MiddleName, x.GivenName, x.PersonalCode }).FirstAsync(ct);
            subject = $"{VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName)} ({p.PersonalCode})";
        }
        else subject = await db.Units.Where(u => u.Id == l.SubjectUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "—";
        return $"{RegistrationRules.SubjectName(l.Subject)} {subject}: {AwardRecord.Name(l.Code)} ({l.Code}){(l.Note is null ? "" : "; ghi chú: " + l.Note)}";
    }
}

/// <summary>Questions other features ask about registrations.</summary>
public static class RegistrationQueries
{
    /// <summary>
    /// Whether the title or form <paramref name="code"/> was registered for the year, for a person (by
    /// <paramref name="personId"/>) or for a collective (by <paramref name="unitId"/>: the agency itself or a sub-unit),
    /// in a registration that was submitted or approved. Issue 10 warns on nominations for unregistered titles.
    /// </summary>
    public static Task<bool> IsRegisteredAsync(AppDbContext db, int year, int? unitId, int? personId, string code, CancellationToken ct = default)
    {
        if (unitId is null && personId is null) return Task.FromResult(false);
        var lines = db.RegistrationLines.AsNoTracking().Where(l => l.Code == code && l.Registration!.Year == year
            && (l.Registration.State == RegistrationState.Submitted || l.Registration.State == RegistrationState.Approved));
        lines = personId is { } p ? lines.Where(l => l.PersonId == p) : lines.Where(l => l.PersonId == null && l.SubjectUnitId == unitId);
        return lines.AnyAsync(ct);
    }
}
