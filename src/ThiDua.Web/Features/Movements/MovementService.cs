using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements;

/// <summary>
/// Who acts on movements: the bloc secretariat (Admin, BlocSecretariat) manages everything of the bloc; an agency's
/// officer (EmulationOfficer, CouncilSecretariat) manages its agency's movements and fills its agency's rows; the
/// other readers read what reaches their agency. <see cref="AgencyUnits"/> is the own agency with every unit under it.
/// </summary>
public sealed record MovementActor(string UserName, bool Secretariat, bool Officer, int? AgencyId, IReadOnlySet<int> AgencyUnits)
{
    public static async Task<MovementActor> FromAsync(ClaimsPrincipal user, AppDbContext db, UnitScopeService scopes, CancellationToken ct)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var agency = await scopes.OwnAgencyIdAsync(user, ct);
        return await ForAsync(db, user.UserName(), Roles.SeesAllUnits(roles), roles.Any(r => r is Roles.EmulationOfficer or Roles.CouncilSecretariat), agency, ct);
    }

    public static async Task<MovementActor> ForAsync(AppDbContext db, string userName, bool secretariat, bool officer, int? agencyId, CancellationToken ct)
    {
        var units = agencyId is { } a ? await UnitScopeService.SubtreeAsync(db, a, ct) : [];
        return new MovementActor(userName, secretariat, officer || secretariat, agencyId, units);
    }

    /// <summary>Fills (or edits) a member agency's own rows: the secretariat for any agency, an officer for their own.</summary>
    public bool ActsFor(int unitId) => Secretariat || Officer && AgencyId == unitId;
}

public sealed class MovementInput
{
    [Display(Name = "Năm"), Required(ErrorMessage = "Hãy nhập năm."), Range(MovementService.FirstYear, MovementService.LastYear, ErrorMessage = "Năm phải từ 2000 đến 2100.")]
    public int? Year { get; set; }
    [Display(Name = "Loại phong trào")] public MovementKind Kind { get; set; }
    [Display(Name = "Tên, chủ đề phong trào"), Required(ErrorMessage = "Hãy nhập tên, chủ đề phong trào."), StringLength(500, ErrorMessage = "Tên, chủ đề tối đa 500 ký tự.")]
    public string? Theme { get; set; }
    [Display(Name = "Nội dung"), StringLength(4000, ErrorMessage = "Nội dung tối đa 4.000 ký tự.")] public string? Content { get; set; }
    [Display(Name = "Tiêu chí"), StringLength(4000, ErrorMessage = "Tiêu chí tối đa 4.000 ký tự.")] public string? Criteria { get; set; }
    [Display(Name = "Ngày bắt đầu"), Microsoft.AspNetCore.Mvc.ModelBinder(typeof(VnDateBinder))] public DateOnly? StartDate { get; set; }
    [Display(Name = "Ngày kết thúc / hạn thực hiện"), Microsoft.AspNetCore.Mvc.ModelBinder(typeof(VnDateBinder))] public DateOnly? EndDate { get; set; }
    [Display(Name = "Phong trào toàn quốc")] public bool IsNational { get; set; }
    [Display(Name = "Cơ quan, người phát động (phong trào toàn quốc)"), StringLength(300, ErrorMessage = "Cơ quan phát động tối đa 300 ký tự.")]
    public string? NationalAuthority { get; set; }
    [Display(Name = "Phạm vi")] public MovementScope Scope { get; set; } = MovementScope.AgencyOrUnit;
    [Display(Name = "Thời gian thực hiện")] public MovementDuration Duration { get; set; }
    [Display(Name = "Hình thức")] public MovementMethod Method { get; set; }
    [Display(Name = "Nguồn kinh phí khen thưởng")] public MovementFunding Funding { get; set; } = MovementFunding.EmulationFund;
    public List<int> DirectiveIds { get; set; } = [];
    public List<int> TargetUnitIds { get; set; } = [];
    public int Version { get; set; }
}

public sealed class DirectiveInput
{
    [Display(Name = "Số hiệu"), Required(ErrorMessage = "Hãy nhập số hiệu chỉ thị."), StringLength(50, ErrorMessage = "Số hiệu tối đa 50 ký tự.")] public string? Number { get; set; }
    [Display(Name = "Ngày ban hành"), Required(ErrorMessage = "Hãy nhập ngày ban hành."), Microsoft.AspNetCore.Mvc.ModelBinder(typeof(VnDateBinder))] public DateOnly? IssuedOn { get; set; }
    [Display(Name = "Cơ quan ban hành"), Required(ErrorMessage = "Hãy nhập cơ quan ban hành."), StringLength(200, ErrorMessage = "Cơ quan ban hành tối đa 200 ký tự.")] public string? Issuer { get; set; }
    [Display(Name = "Trích yếu"), Required(ErrorMessage = "Hãy nhập trích yếu."), StringLength(500, ErrorMessage = "Trích yếu tối đa 500 ký tự.")] public string? Title { get; set; }
    public int Version { get; set; }
}

public sealed class ParticipationInput
{
    [Display(Name = "Có tham gia")] public bool Participating { get; set; }
    [Display(Name = "Việc đã làm"), StringLength(2000, ErrorMessage = "Việc đã làm tối đa 2.000 ký tự.")] public string? Activities { get; set; }
    [Display(Name = "Kết quả"), StringLength(2000, ErrorMessage = "Kết quả tối đa 2.000 ký tự.")] public string? Result { get; set; }
    [Display(Name = "Số tiền đóng góp (đồng)"), Range(0, 1_000_000_000_000_000, ErrorMessage = "Số tiền đóng góp phải từ 0 đến 10^18 đồng.")] public decimal? AmountVnd { get; set; }
    public int Version { get; set; }
}

public sealed class ContestInput
{
    [Display(Name = "Tên hội thi"), Required(ErrorMessage = "Hãy nhập tên hội thi."), StringLength(500, ErrorMessage = "Tên hội thi tối đa 500 ký tự.")] public string? Name { get; set; }
    [Display(Name = "Mô tả"), StringLength(4000, ErrorMessage = "Mô tả tối đa 4.000 ký tự.")] public string? Description { get; set; }
    [Display(Name = "Đối tượng dự thi")] public ParticipantKind ParticipantKind { get; set; }
    public int Version { get; set; }
}

public sealed record ResultInput(int ParticipantId, decimal? Score, int? Rank, string? Prize);

/// <summary>The outcome of a command: the id it touched, or a Vietnamese message naming what is wrong; <see cref="Conflict"/> when someone saved first.</summary>
public sealed record MovementOutcome(int Id, string? Error, bool Conflict = false, int? CurrentVersion = null)
{
    public bool Ok => Error is null;
    public static MovementOutcome Fail(string error) => new(0, error);
}

/// <summary>
/// Movements, directives, national participation and contests: every rule and state change, used by the pages and
/// by the demo year (<see cref="MovementsDemo"/>). States: draft → launched → ended.
/// </summary>
public sealed class MovementService(AppDbContext db, TimeProvider clock)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const string ConflictMessage = "Bản ghi vừa được người khác sửa. Các thay đổi của bạn vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.";

    public static bool InRange(int year) => year is >= FirstYear and <= LastYear;

    // ---------- reading ----------

    /// <summary>The movements <paramref name="actor"/> may read.</summary>
    public IQueryable<Movement> Readable(MovementActor actor)
    {
        if (actor.Secretariat) return db.Movements;
        var mine = actor.AgencyUnits.ToList();
        return db.Movements.Where(m => m.IsNational
            || (m.LaunchedByUnitId != null && mine.Contains(m.LaunchedByUnitId.Value))
            || (m.State != MovementState.Draft && m.Targets.Any(t => mine.Contains(t.UnitId))));
    }

    /// <summary>Launched movements of others that name the actor's agency (or a unit under it) as a target.</summary>
    public IQueryable<Movement> SentTo(MovementActor actor)
    {
        var mine = actor.AgencyUnits.ToList();
        return db.Movements.Where(m => m.State != MovementState.Draft && !m.IsNational
            && (m.LaunchedByUnitId == null || !mine.Contains(m.LaunchedByUnitId.Value))
            && m.Targets.Any(t => mine.Contains(t.UnitId)));
    }

    public Task<bool> CanReadAsync(int id, MovementActor actor, CancellationToken ct) => Readable(actor).AnyAsync(m => m.Id == id, ct);

    /// <summary>
    /// The movements an agency may answer, launched or ended: the bloc's movements that target it, its own, and the
    /// national ones — <see cref="Readable"/> for a reader of that agency, drafts left out. Registrations and exemplary
    /// models offer and accept only these.
    /// </summary>
    public static async Task<IQueryable<Movement>> LaunchedSeenByAgencyAsync(AppDbContext db, int agencyId, CancellationToken ct)
    {
        var reader = await MovementActor.ForAsync(db, "", secretariat: false, officer: false, agencyId, ct);
        // Readable needs no clock.
        return new MovementService(db, TimeProvider.System).Readable(reader).Where(m => m.State != MovementState.Draft);
    }

    /// <summary>The bloc secretariat manages every movement; an agency's officer the movements its agency launched.</summary>
    public static bool CanManage(Movement m, MovementActor actor) =>
        actor.Secretariat || actor.Officer && !m.IsNational && m.LaunchedByUnitId is { } u && actor.AgencyUnits.Contains(u);

    /// <summary>The bloc a secretariat acts for: the bloc its agency belongs to, else the first bloc.</summary>
    public async Task<int?> BlocOfAsync(MovementActor actor, CancellationToken ct)
    {
        if (actor.AgencyId is { } a && await db.BlocMemberships.Where(m => m.UnitId == a).Select(m => (int?)m.BlocId).FirstOrDefaultAsync(ct) is { } b) return b;
        return await db.Blocs.OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The units a movement may target: for the secretariat the bloc's member agencies in the year; for an agency's
    /// officer their agency and the units under it.
    /// </summary>
    public async Task<List<UnitOption>> TargetOptionsAsync(MovementActor actor, int year, CancellationToken ct)
    {
        if (actor.Secretariat)
        {
            var bloc = await BlocOfAsync(actor, ct);
            return await db.BlocMemberships.AsNoTracking()
                .Where(m => m.BlocId == bloc && m.FromYear <= year && (m.ToYear == null || m.ToYear >= year))
                .OrderBy(m => m.Id).Select(m => new UnitOption(m.UnitId, m.Unit!.Name, 0)).ToListAsync(ct);
        }
        if (actor.AgencyId is not { } agency) return [];
        var scope = new AccessScope(false, actor.AgencyUnits, null, false);
        var all = await UnitTree.OptionsAsync(db, scope, ct);
        var baseDepth = all.FirstOrDefault(u => u.Id == agency)?.Depth ?? 0;
        return all.Select(u => u with { Depth = Math.Max(0, u.Depth - baseDepth) }).ToList();
    }

    // ---------- movements ----------

    public async Task<MovementOutcome> SaveMovementAsync(int? id, MovementInput input, MovementActor actor, CancellationToken ct, DateTime? atUtc = null)
    {
        Movement? m = null;
        if (id is not null)
        {
            m = await db.Movements.Include(x => x.Directives).Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return MovementOutcome.Fail("Không tìm thấy phong trào.");
            if (!CanManage(m, actor)) return MovementOutcome.Fail("Bạn không có quyền sửa phong trào này.");
            if (m.State == MovementState.Ended) return MovementOutcome.Fail("Phong trào đã kết thúc, không sửa được nữa.");
        }
        else if (!actor.Officer || (!actor.Secretariat && actor.AgencyId is null))
            return MovementOutcome.Fail("Bạn không có quyền phát động phong trào.");

        var errors = Validate(input);
        if (input.IsNational && !actor.Secretariat) errors.Add("Phong trào toàn quốc: chỉ thường trực khối ghi nhận phong trào toàn quốc.");
        if (m is { IsNational: true } && !input.IsNational) errors.Add("Phong trào toàn quốc: không đổi được phong trào toàn quốc thành phong trào của khối.");
        var year = input.Year ?? 0;
        var directiveIds = input.DirectiveIds.Distinct().ToList();
        var targetIds = input.TargetUnitIds.Distinct().ToList();
        if (directiveIds.Count > 100) errors.Add("Chỉ thị thực hiện: chọn tối đa 100 chỉ thị.");
        else if (directiveIds.Count > 0 && await db.Directives.CountAsync(d => directiveIds.Contains(d.Id), ct) != directiveIds.Count)
            errors.Add("Chỉ thị thực hiện: có chỉ thị không có trong thư viện.");
        if (targetIds.Count > 1000) errors.Add("Đơn vị được phát động: chọn tối đa 1.000 đơn vị.");
        else if (targetIds.Count > 0 && InRange(year))
        {
            var allowed = (await TargetOptionsAsync(actor, year, ct)).Select(u => u.Id).ToHashSet();
            // An agency's officer targets only its own units; the secretariat only the bloc's members of the year.
            if (targetIds.Any(t => !allowed.Contains(t)))
                errors.Add(actor.Secretariat
                    ? $"Đơn vị được phát động: chỉ chọn được các cơ quan thành viên của khối năm {year}."
                    : "Đơn vị được phát động: chỉ chọn được cơ quan của bạn và các đơn vị trực thuộc.");
        }
        if (m is { State: MovementState.Launched } && !input.IsNational && targetIds.Count == 0)
            errors.Add("Đơn vị được phát động: phong trào đã phát động phải có ít nhất một đơn vị.");
        if (errors.Count > 0) return MovementOutcome.Fail(string.Join(" ", errors));

        var creating = m is null;
        var before = m is null ? "—" : await AuditTextAsync(m, ct);
        if (m is null)
        {
            m = new Movement { Theme = "", State = MovementState.Draft };
            if (input.IsNational) { }
            else if (actor.Secretariat) m.BlocId = await BlocOfAsync(actor, ct);
            else m.LaunchedByUnitId = actor.AgencyId;
            db.Movements.Add(m);
        }
        else db.Entry(m).Property(x => x.Version).OriginalValue = input.Version;
        m.Year = year;
        m.Kind = input.Kind;
        m.Theme = input.Theme!.Trim();
        m.Content = Clean(input.Content);
        m.Criteria = Clean(input.Criteria);
        m.StartDate = input.StartDate;
        m.EndDate = input.EndDate;
        m.IsNational = input.IsNational;
        m.NationalAuthority = input.IsNational ? Clean(input.NationalAuthority) : null;
        if (m.IsNational) m.BlocId ??= await BlocOfAsync(actor, ct);
        m.Scope = input.Scope;
        m.Duration = input.Duration;
        m.Method = input.Method;
        m.Funding = input.Funding;
        m.Directives.RemoveAll(d => !directiveIds.Contains(d.DirectiveId));
        foreach (var d in directiveIds.Where(d => m.Directives.All(x => x.DirectiveId != d))) m.Directives.Add(new MovementDirective { DirectiveId = d });
        m.Targets.RemoveAll(t => !targetIds.Contains(t.UnitId));
        foreach (var t in targetIds.Where(t => m.Targets.All(x => x.UnitId != t))) m.Targets.Add(new MovementTarget { UnitId = t });
        if (!creating) db.Entry(m).State = EntityState.Modified; // a change of directives or targets alone still bumps the version
        return await CommitAsync(actor, creating ? "Thêm phong trào thi đua" : "Sửa phong trào thi đua", m, before, atUtc, ct);
    }

    public static List<string> Validate(MovementInput input)
    {
        var errors = new List<string>();
        if (input.Year is not { } y || !InRange(y)) errors.Add("Năm: phải từ 2000 đến 2100.");
        if (string.IsNullOrWhiteSpace(input.Theme)) errors.Add("Tên, chủ đề phong trào: hãy nhập.");
        else if (input.Theme.Trim().Length > 500) errors.Add("Tên, chủ đề phong trào: tối đa 500 ký tự.");
        if (input.Content?.Length > 4000) errors.Add("Nội dung: tối đa 4.000 ký tự.");
        if (input.Criteria?.Length > 4000) errors.Add("Tiêu chí: tối đa 4.000 ký tự.");
        if (!Enum.IsDefined(input.Kind)) errors.Add("Loại phong trào: không hợp lệ.");
        if (!Enum.IsDefined(input.Scope)) errors.Add("Phạm vi: không hợp lệ.");
        if (!Enum.IsDefined(input.Duration)) errors.Add("Thời gian thực hiện: không hợp lệ.");
        if (!Enum.IsDefined(input.Method)) errors.Add("Hình thức: không hợp lệ.");
        if (!Enum.IsDefined(input.Funding)) errors.Add("Nguồn kinh phí khen thưởng: không hợp lệ.");
        if (input.Kind == MovementKind.Thematic && (input.StartDate is null || input.EndDate is null))
            errors.Add("Ngày bắt đầu, ngày kết thúc: phong trào chuyên đề phải có cả hai ngày.");
        if (input.StartDate is { } s && input.EndDate is { } e && e < s) errors.Add("Ngày kết thúc: không được trước ngày bắt đầu.");
        foreach (var (d, name) in new[] { (input.StartDate, "Ngày bắt đầu"), (input.EndDate, "Ngày kết thúc") })
        {
            if (d is { } v && !InRange(v.Year)) errors.Add($"{name}: năm phải từ 2000 đến 2100.");
        }
        if (input.IsNational && string.IsNullOrWhiteSpace(input.NationalAuthority)) errors.Add("Cơ quan, người phát động: hãy nhập cho phong trào toàn quốc (ví dụ: Thủ tướng Chính phủ).");
        if (input.NationalAuthority?.Length > 300) errors.Add("Cơ quan, người phát động: tối đa 300 ký tự.");
        return errors;
    }

    /// <summary>Draft → launched: the movement reaches its target units. At least one target unless it is national.</summary>
    public Task<MovementOutcome> LaunchAsync(int id, int version, MovementActor actor, CancellationToken ct, DateTime? atUtc = null) =>
        TransitionAsync(id, version, actor, MovementState.Draft, MovementState.Launched, "Phát động phong trào", atUtc, ct);

    /// <summary>Launched → ended (closed).</summary>
    public Task<MovementOutcome> EndAsync(int id, int version, MovementActor actor, CancellationToken ct, DateTime? atUtc = null) =>
        TransitionAsync(id, version, actor, MovementState.Launched, MovementState.Ended, "Kết thúc phong trào", atUtc, ct);

    private async Task<MovementOutcome> TransitionAsync(int id, int version, MovementActor actor, MovementState from, MovementState to, string action, DateTime? atUtc, CancellationToken ct)
    {
        var m = await db.Movements.Include(x => x.Directives).Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return MovementOutcome.Fail("Không tìm thấy phong trào.");
        if (!CanManage(m, actor)) return MovementOutcome.Fail("Bạn không có quyền thay đổi trạng thái phong trào này.");
        if (m.Version != version) return new MovementOutcome(id, ConflictMessage, true, m.Version);
        if (m.State != from)
            return MovementOutcome.Fail(to == MovementState.Launched
                ? $"Chỉ phát động được phong trào đang là dự thảo; phong trào này {MovementLabels.State(m.State).ToLowerInvariant()}."
                : $"Chỉ kết thúc được phong trào đã phát động; phong trào này {MovementLabels.State(m.State).ToLowerInvariant()}.");
        if (to == MovementState.Launched && !m.IsNational && m.Targets.Count == 0)
            return MovementOutcome.Fail("Chưa chọn đơn vị được phát động: hãy sửa phong trào và chọn ít nhất một đơn vị trước khi phát động.");
        var before = await AuditTextAsync(m, ct);
        db.Entry(m).Property(x => x.Version).OriginalValue = version;
        var at = atUtc ?? clock.GetUtcNow().UtcDateTime;
        m.State = to;
        if (to == MovementState.Launched) m.LaunchedAtUtc = at;
        else m.EndedAtUtc = at;
        return await CommitAsync(actor, action, m, before, atUtc, ct);
    }

    /// <summary>Copies a movement into the next year as a draft: dates shifted a year, directives and targets kept.</summary>
    public async Task<MovementOutcome> CloneAsync(int id, MovementActor actor, CancellationToken ct, DateTime? atUtc = null)
    {
        var src = await db.Movements.AsNoTracking().Include(x => x.Directives).Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (src is null) return MovementOutcome.Fail("Không tìm thấy phong trào.");
        if (!CanManage(src, actor)) return MovementOutcome.Fail("Bạn không có quyền sao chép phong trào này.");
        if (src.Year + 1 > LastYear) return MovementOutcome.Fail("Năm: phong trào sao chép sang năm sau phải có năm đến 2100.");
        var copy = new Movement
        {
            Year = src.Year + 1, Kind = src.Kind, Theme = src.Theme, Content = src.Content, Criteria = src.Criteria,
            StartDate = src.StartDate?.AddYears(1), EndDate = src.EndDate?.AddYears(1),
            BlocId = src.BlocId, LaunchedByUnitId = src.LaunchedByUnitId, IsNational = src.IsNational, NationalAuthority = src.NationalAuthority,
            Scope = src.Scope, Duration = src.Duration, Method = src.Method, Funding = src.Funding,
            State = MovementState.Draft, ClonedFromId = src.Id,
            Directives = src.Directives.Select(d => new MovementDirective { DirectiveId = d.DirectiveId }).ToList(),
            Targets = src.Targets.Select(t => new MovementTarget { UnitId = t.UnitId }).ToList(),
        };
        db.Movements.Add(copy);
        return await CommitAsync(actor, "Sao chép phong trào sang năm sau", copy, $"sao chép từ phong trào #{src.Id} năm {src.Year}", atUtc, ct);
    }

    private async Task<MovementOutcome> CommitAsync(MovementActor actor, string action, Movement m, string before, DateTime? atUtc, CancellationToken ct)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Audit(actor.UserName, action, nameof(Movement), m.Id, $"trước: {before} → sau: {await AuditTextAsync(m, ct)}", atUtc, code: FormattableString.Invariant($"{m.Year}"));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new MovementOutcome(m.Id, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Movements.Where(x => x.Id == m.Id).Select(x => (int?)x.Version).FirstOrDefaultAsync(ct);
            return new MovementOutcome(m.Id, ConflictMessage, true, current);
        }
    }

    private async Task<string> AuditTextAsync(Movement m, CancellationToken ct)
    {
        var dIds = m.Directives.Select(d => d.DirectiveId).ToList();
        var tIds = m.Targets.Select(t => t.UnitId).ToList();
        var directives = await db.Directives.AsNoTracking().Where(d => dIds.Contains(d.Id)).OrderBy(d => d.IssuedOn).Select(d => d.Number).ToListAsync(ct);
        var targets = await db.Units.AsNoTracking().Where(u => tIds.Contains(u.Id)).OrderBy(u => u.Code).Select(u => u.Code).ToListAsync(ct);
        var dates = m.StartDate is null && m.EndDate is null ? "" : $"; {VnFormat.Date(m.StartDate)}–{VnFormat.Date(m.EndDate)}";
        return $"{m.Theme} (năm {m.Year}, {MovementLabels.Kind(m.Kind).ToLowerInvariant()}, {MovementLabels.State(m.State).ToLowerInvariant()}{dates})"
            + (m.IsNational ? $"; toàn quốc, phát động: {m.NationalAuthority}" : "")
            + $"; phạm vi: {MovementLabels.Scope(m.Scope)}; thời gian: {MovementLabels.Duration(m.Duration)}; hình thức: {MovementLabels.Method(m.Method)}; kinh phí: {MovementLabels.Funding(m.Funding)}"
            + $"; chỉ thị: {(directives.Count == 0 ? "không" : string.Join(", ", directives))}; đơn vị: {(targets.Count == 0 ? "chưa chọn" : string.Join(", ", targets))}";
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // ---------- directives ----------

    /// <summary>Adds or edits a directive; <paramref name="file"/>, when given, replaces the stored PDF.</summary>
    public async Task<MovementOutcome> SaveDirectiveAsync(int? id, DirectiveInput input, StoredDocument? file, MovementActor actor, CancellationToken ct)
    {
        if (!actor.Secretariat) return MovementOutcome.Fail("Chỉ thường trực khối cập nhật thư viện chỉ thị.");
        if (file is not null && file.Kind != DocumentKind.Pdf) return MovementOutcome.Fail("Tệp chỉ thị: chỉ nhận tệp PDF.");
        var errors = new List<string>();
        var number = input.Number?.Trim() ?? "";
        if (number.Length == 0) errors.Add("Số hiệu: hãy nhập.");
        else if (number.Length > 50) errors.Add("Số hiệu: tối đa 50 ký tự.");
        if (input.IssuedOn is not { } issued || issued.Year is < 1945 or > LastYear) errors.Add("Ngày ban hành: hãy nhập một ngày từ năm 1945 đến 2100.");
        if (string.IsNullOrWhiteSpace(input.Issuer) || input.Issuer.Trim().Length > 200) errors.Add("Cơ quan ban hành: hãy nhập, tối đa 200 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 500) errors.Add("Trích yếu: hãy nhập, tối đa 500 ký tự.");
        if (number.Length > 0 && await db.Directives.AnyAsync(d => d.Number == number && d.Id != id, ct)) errors.Add($"Số hiệu: chỉ thị \"{number}\" đã có trong thư viện.");
        Directive? d = null;
        if (id is not null && (d = await db.Directives.FirstOrDefaultAsync(x => x.Id == id, ct)) is null) errors.Add("Không tìm thấy chỉ thị.");
        if (errors.Count > 0) return MovementOutcome.Fail(string.Join(" ", errors));
        var creating = d is null;
        var before = d is null ? "—" : DirectiveText(d);
        string? oldFile = null;
        if (d is null) db.Directives.Add(d = new Directive { Number = "", Issuer = "", Title = "" });
        else db.Entry(d).Property(x => x.Version).OriginalValue = input.Version;
        d.Number = number;
        d.IssuedOn = input.IssuedOn!.Value;
        d.Issuer = input.Issuer!.Trim();
        d.Title = input.Title!.Trim();
        if (file is not null)
        {
            oldFile = d.FileStoredName;
            d.FileStoredName = file.StoredName;
            d.FileName = file.FileName;
            d.FileLength = file.Length;
        }
        if (!creating) db.Entry(d).State = EntityState.Modified;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Audit(actor.UserName, creating ? "Thêm chỉ thị" : "Sửa chỉ thị", nameof(Directive), d.Id, $"trước: {before} → sau: {DirectiveText(d)}", code: d.Number);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Directives.Where(x => x.Id == id).Select(x => (int?)x.Version).FirstOrDefaultAsync(ct);
            return new MovementOutcome(id ?? 0, ConflictMessage, true, current);
        }
        catch (DbUpdateException)
        {
            // Another secretariat saved the same number between the check and this save.
            db.ChangeTracker.Clear();
            return MovementOutcome.Fail($"Số hiệu: chỉ thị \"{number}\" đã có trong thư viện.");
        }
        _ = oldFile; // the replaced file stays in the store: an audit reader may still ask what was attached before
        return new MovementOutcome(d.Id, null);
    }

    private static string DirectiveText(Directive d) =>
        $"{d.Number} ngày {VnFormat.Date(d.IssuedOn)} ({d.Issuer}): {d.Title}; tệp: {d.FileName ?? "không"}";

    // ---------- national movements ----------

    /// <summary>Records (or updates) one member agency's participation in a national movement for a year.</summary>
    public async Task<MovementOutcome> SaveParticipationAsync(int movementId, int unitId, int year, ParticipationInput input, MovementActor actor, CancellationToken ct, DateTime? atUtc = null)
    {
        var m = await db.Movements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == movementId, ct);
        if (m is null || !m.IsNational) return MovementOutcome.Fail("Không tìm thấy phong trào toàn quốc.");
        if (!actor.ActsFor(unitId)) return MovementOutcome.Fail("Bạn chỉ ghi được kết quả của cơ quan mình.");
        if (!InRange(year)) return MovementOutcome.Fail("Năm: phải từ 2000 đến 2100.");
        if (!await db.BlocMemberships.AnyAsync(b => b.UnitId == unitId && b.FromYear <= year && (b.ToYear == null || b.ToYear >= year), ct))
            return MovementOutcome.Fail($"Cơ quan: không phải thành viên của khối năm {year}.");
        if (input.Activities?.Length > 2000 || input.Result?.Length > 2000) return MovementOutcome.Fail("Việc đã làm, kết quả: tối đa 2.000 ký tự mỗi mục.");
        if (input.AmountVnd is < 0 or > 1_000_000_000_000_000m || input.AmountVnd is { } a && a != decimal.Truncate(a))
            return MovementOutcome.Fail("Số tiền đóng góp: phải là số đồng nguyên từ 0 đến 10^18.");
        var row = await db.NationalParticipations.FirstOrDefaultAsync(p => p.MovementId == movementId && p.UnitId == unitId && p.Year == year, ct);
        var creating = row is null;
        var before = row is null ? "—" : ParticipationText(row);
        if (row is null) db.NationalParticipations.Add(row = new NationalParticipation { MovementId = movementId, UnitId = unitId, Year = year });
        else { db.Entry(row).Property(x => x.Version).OriginalValue = input.Version; db.Entry(row).State = EntityState.Modified; }
        row.Participating = input.Participating;
        row.Activities = Clean(input.Activities);
        row.Result = Clean(input.Result);
        row.AmountVnd = input.AmountVnd;
        var code = await db.Units.Where(u => u.Id == unitId).Select(u => u.Code).FirstAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Audit(actor.UserName, creating ? "Ghi kết quả hưởng ứng phong trào toàn quốc" : "Sửa kết quả hưởng ứng phong trào toàn quốc", nameof(NationalParticipation), row.Id,
                $"{m.Theme}, {code}, năm {year}: trước: {before} → sau: {ParticipationText(row)}", atUtc, code: code);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.NationalParticipations.Where(p => p.MovementId == movementId && p.UnitId == unitId && p.Year == year).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);
            return new MovementOutcome(0, ConflictMessage, true, current);
        }
        catch (DbUpdateException)
        {
            // Two officers of the agency added the row at the same moment.
            db.ChangeTracker.Clear();
            return new MovementOutcome(0, ConflictMessage, true, 0);
        }
        return new MovementOutcome(row.Id, null);
    }

    private static string ParticipationText(NationalParticipation p) =>
        $"tham gia: {(p.Participating ? "có" : "không")}; việc đã làm: {p.Activities ?? "—"}; kết quả: {p.Result ?? "—"}; đóng góp: {(p.AmountVnd is { } a ? VnFormat.Number((long)a) + " đồng" : "—")}";

    // ---------- contests ----------

    public async Task<MovementOutcome> SaveContestAsync(int? id, int movementId, ContestInput input, MovementActor actor, CancellationToken ct)
    {
        var m = await db.Movements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == movementId, ct);
        if (m is null) return MovementOutcome.Fail("Không tìm thấy phong trào.");
        if (!CanManage(m, actor)) return MovementOutcome.Fail("Bạn không có quyền quản lý hội thi của phong trào này.");
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 500) errors.Add("Tên hội thi: hãy nhập, tối đa 500 ký tự.");
        if (input.Description?.Length > 4000) errors.Add("Mô tả: tối đa 4.000 ký tự.");
        if (!Enum.IsDefined(input.ParticipantKind)) errors.Add("Đối tượng dự thi: không hợp lệ.");
        Contest? c = null;
        if (id is not null)
        {
            c = await db.Contests.FirstOrDefaultAsync(x => x.Id == id && x.MovementId == movementId, ct);
            if (c is null) return MovementOutcome.Fail("Không tìm thấy hội thi.");
            if (c.ParticipantKind != input.ParticipantKind && await db.ContestParticipants.AnyAsync(p => p.ContestId == c.Id, ct))
                errors.Add("Đối tượng dự thi: hội thi đã có người dự thi, không đổi được đối tượng.");
        }
        if (errors.Count > 0) return MovementOutcome.Fail(string.Join(" ", errors));
        var creating = c is null;
        var before = c is null ? "—" : ContestText(c);
        if (c is null) db.Contests.Add(c = new Contest { MovementId = movementId, Name = "" });
        else { db.Entry(c).Property(x => x.Version).OriginalValue = input.Version; db.Entry(c).State = EntityState.Modified; }
        c.Name = input.Name!.Trim();
        c.Description = Clean(input.Description);
        c.ParticipantKind = input.ParticipantKind;
        return await CommitContestAsync(actor, creating ? "Thêm hội thi" : "Sửa hội thi", c, $"trước: {before} → sau: {ContestText(c)}", ct);
    }

    private static string ContestText(Contest c) => $"{c.Name} ({MovementLabels.ParticipantKind(c.ParticipantKind).ToLowerInvariant()})";

    /// <summary>The units whose people (or which themselves) may take part: the movement's targets with every unit under them.</summary>
    public async Task<HashSet<int>> ParticipantUnitsAsync(Movement m, MovementActor actor, CancellationToken ct)
    {
        var targets = await db.MovementTargets.Where(t => t.MovementId == m.Id).Select(t => t.UnitId).ToListAsync(ct);
        var tree = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        var pairs = tree.Select(u => (u.Id, u.ParentId)).ToList();
        var result = new HashSet<int>();
        foreach (var t in targets) result.UnionWith(UnitScopeService.Subtree(t, pairs));
        if (!actor.Secretariat) result.IntersectWith(actor.AgencyUnits);
        return result;
    }

    /// <summary>Adds a person (by personal code) or a unit (by id) to a contest, within the units the movement reaches.</summary>
    public async Task<MovementOutcome> AddParticipantAsync(int contestId, string? personalCode, int? unitId, MovementActor actor, CancellationToken ct)
    {
        var c = await db.Contests.AsNoTracking().Include(x => x.Movement).FirstOrDefaultAsync(x => x.Id == contestId, ct);
        if (c is null) return MovementOutcome.Fail("Không tìm thấy hội thi.");
        if (!CanManage(c.Movement!, actor)) return MovementOutcome.Fail("Bạn không có quyền quản lý hội thi này.");
        var allowed = await ParticipantUnitsAsync(c.Movement!, actor, ct);
        var p = new ContestParticipant { ContestId = contestId };
        string label;
        if (c.ParticipantKind == ParticipantKind.People)
        {
            var code = personalCode?.Trim() ?? "";
            if (code.Length is 0 or > 50) return MovementOutcome.Fail("Mã cá nhân: hãy nhập mã cá nhân (tối đa 50 ký tự).");
            var person = await db.People.AsNoTracking().Where(x => x.PersonalCode == code).Select(x => new { x.Id, x.CurrentUnitId, x.FamilyName, x.MiddleName, x.GivenName, x.IsActive }).FirstOrDefaultAsync(ct);
            if (person is null || person.CurrentUnitId is not { } pu || !allowed.Contains(pu))
                return MovementOutcome.Fail($"Mã cá nhân: không có cán bộ mã \"{code}\" trong các đơn vị được phát động mà bạn quản lý.");
            if (!person.IsActive) return MovementOutcome.Fail($"Mã cá nhân: cán bộ mã \"{code}\" đã ngừng theo dõi.");
            if (await db.ContestParticipants.AnyAsync(x => x.ContestId == contestId && x.PersonId == person.Id, ct))
                return MovementOutcome.Fail($"Mã cá nhân: cán bộ mã \"{code}\" đã có trong danh sách dự thi.");
            p.PersonId = person.Id;
            p.UnitId = pu;
            label = $"{VietnameseText.FullName(person.FamilyName, person.MiddleName, person.GivenName)} ({code})";
        }
        else
        {
            if (unitId is not { } u || !allowed.Contains(u)) return MovementOutcome.Fail("Đơn vị dự thi: hãy chọn một đơn vị trong các đơn vị được phát động mà bạn quản lý.");
            if (await db.ContestParticipants.AnyAsync(x => x.ContestId == contestId && x.PersonId == null && x.UnitId == u, ct))
                return MovementOutcome.Fail("Đơn vị dự thi: đơn vị đã có trong danh sách dự thi.");
            p.UnitId = u;
            label = await db.Units.Where(x => x.Id == u).Select(x => x.Name + " (" + x.Code + ")").FirstAsync(ct);
        }
        db.ContestParticipants.Add(p);
        return await CommitContestAsync(actor, "Thêm người dự thi", null, $"{c.Name}: trước: — → sau: {label} dự thi", ct, contestId);
    }

    public async Task<MovementOutcome> AddRoundAsync(int contestId, int order, string? name, DateOnly? heldOn, MovementActor actor, CancellationToken ct)
    {
        var c = await db.Contests.AsNoTracking().Include(x => x.Movement).FirstOrDefaultAsync(x => x.Id == contestId, ct);
        if (c is null) return MovementOutcome.Fail("Không tìm thấy hội thi.");
        if (!CanManage(c.Movement!, actor)) return MovementOutcome.Fail("Bạn không có quyền quản lý hội thi này.");
        if (order is < 1 or > 50) return MovementOutcome.Fail("Thứ tự vòng thi: phải từ 1 đến 50.");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200) return MovementOutcome.Fail("Tên vòng thi: hãy nhập, tối đa 200 ký tự.");
        if (heldOn is { } h && !InRange(h.Year)) return MovementOutcome.Fail("Ngày thi: năm phải từ 2000 đến 2100.");
        if (await db.ContestRounds.AnyAsync(r => r.ContestId == contestId && r.Order == order, ct)) return MovementOutcome.Fail($"Thứ tự vòng thi: đã có vòng thứ {order}.");
        if (await db.ContestRounds.CountAsync(r => r.ContestId == contestId, ct) >= 50) return MovementOutcome.Fail("Vòng thi: một hội thi có tối đa 50 vòng.");
        var r = new ContestRound { ContestId = contestId, Order = order, Name = name.Trim(), HeldOn = heldOn };
        db.ContestRounds.Add(r);
        return await CommitContestAsync(actor, "Thêm vòng thi", null, $"{c.Name}: trước: — → sau: vòng {order}: {r.Name} ({VnFormat.Date(heldOn)})", ct, contestId);
    }

    /// <summary>Saves the results of one round (score 0–1.000, rank 1–10.000, prize text); an empty row clears that participant's result.</summary>
    public async Task<MovementOutcome> SaveResultsAsync(int roundId, IReadOnlyList<ResultInput> rows, MovementActor actor, CancellationToken ct)
    {
        var round = await db.ContestRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return MovementOutcome.Fail("Không tìm thấy vòng thi.");
        var c = await db.Contests.AsNoTracking().Include(x => x.Movement).FirstAsync(x => x.Id == round.ContestId, ct);
        if (!CanManage(c.Movement!, actor)) return MovementOutcome.Fail("Bạn không có quyền ghi kết quả hội thi này.");
        if (rows.Count > 2000) return MovementOutcome.Fail("Kết quả: tối đa 2.000 dòng một lần.");
        var participants = await db.ContestParticipants.Where(p => p.ContestId == c.Id).Select(p => p.Id).ToListAsync(ct);
        var errors = new List<string>();
        foreach (var (r, i) in rows.Select((r, i) => (r, i + 1)))
        {
            if (!participants.Contains(r.ParticipantId)) errors.Add($"Dòng {i}: người dự thi không thuộc hội thi này.");
            if (r.Score is < 0 or > 1000) errors.Add($"Dòng {i}, điểm: phải từ 0 đến 1.000.");
            if (r.Rank is < 1 or > 10000) errors.Add($"Dòng {i}, xếp hạng: phải từ 1 đến 10.000.");
            if (r.Prize?.Length > 200) errors.Add($"Dòng {i}, giải: tối đa 200 ký tự.");
        }
        if (rows.Select(r => r.ParticipantId).Distinct().Count() != rows.Count) errors.Add("Kết quả: một người dự thi có nhiều dòng.");
        if (errors.Count > 0) return MovementOutcome.Fail(string.Join(" ", errors.Take(10)));
        var existing = await db.ContestResults.Where(x => x.RoundId == roundId).ToListAsync(ct);
        var changes = new List<string>();
        foreach (var r in rows)
        {
            var row = existing.FirstOrDefault(x => x.ParticipantId == r.ParticipantId);
            var prize = Clean(r.Prize);
            var empty = r.Score is null && r.Rank is null && prize is null;
            var before = row is null ? "—" : ResultText(row.Score, row.Rank, row.Prize);
            if (row is null && empty) continue;
            if (row is not null && row.Score == r.Score && row.Rank == r.Rank && row.Prize == prize) continue;
            if (empty) db.ContestResults.Remove(row!);
            else
            {
                if (row is null) db.ContestResults.Add(row = new ContestResult { RoundId = roundId, ParticipantId = r.ParticipantId });
                row.Score = r.Score; row.Rank = r.Rank; row.Prize = prize;
            }
            changes.Add($"#{r.ParticipantId}: trước: {before} → sau: {(empty ? "—" : ResultText(r.Score, r.Rank, prize))}");
        }
        if (changes.Count == 0) return new MovementOutcome(c.Id, null);
        return await CommitContestAsync(actor, "Ghi kết quả hội thi", null, $"{c.Name}, vòng {round.Order} ({round.Name}): " + string.Join("; ", changes), ct, c.Id);
    }

    private static string ResultText(decimal? score, int? rank, string? prize) =>
        $"điểm {(score is { } s ? s.ToString("0.##", CultureInfo.InvariantCulture) : "—")}, hạng {(rank?.ToString(CultureInfo.InvariantCulture) ?? "—")}, giải {prize ?? "—"}";

    private async Task<MovementOutcome> CommitContestAsync(MovementActor actor, string action, Contest? c, string details, CancellationToken ct, int? contestId = null)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var id = c?.Id ?? contestId!.Value;
            db.Audit(actor.UserName, action, nameof(Contest), id, details.Length > 3900 ? details[..3900] + "…" : details, code: null);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new MovementOutcome(id, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = c is null ? null : await db.Contests.Where(x => x.Id == c.Id).Select(x => (int?)x.Version).FirstOrDefaultAsync(ct);
            return new MovementOutcome(c?.Id ?? 0, ConflictMessage, true, current);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return MovementOutcome.Fail("Dữ liệu vừa được người khác thay đổi; hãy tải lại trang và thử lại.");
        }
    }
}
