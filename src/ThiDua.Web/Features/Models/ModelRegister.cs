using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Movements;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Models;

/// <summary>
/// Who works with models: the bloc secretariat (Admin, BlocSecretariat) reads every agency's and manages them; an
/// agency's officer (EmulationOfficer, CouncilSecretariat) manages its own agency's; a council member or leader
/// reads its own agency's.
/// </summary>
public sealed record ModelActor(string UserName, bool AllAgencies, int? AgencyId, bool Manages)
{
    public bool CanRead(int agencyId) => AllAgencies || AgencyId == agencyId;
    public bool CanChange(int agencyId) => Manages && CanRead(agencyId);

    public IQueryable<ExemplaryModel> Visible(AppDbContext db) => AllAgencies ? db.ExemplaryModels : db.ExemplaryModels.Where(m => AgencyId != null && m.AgencyId == AgencyId);

    public static async Task<ModelActor> ForAsync(ClaimsPrincipal user, UnitScopeService scopes, CancellationToken ct)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var all = Roles.SeesAllUnits(roles);
        var manages = all || roles.Any(r => r is Roles.EmulationOfficer or Roles.CouncilSecretariat);
        return new ModelActor(user.UserName(), all, await scopes.OwnAgencyIdAsync(user, ct), manages);
    }
}

/// <summary>What a user typed for a model. The subject (person, collective, owning unit) is fixed at creation.</summary>
public sealed record ModelInput(ModelKind Kind, string? PersonalCode, int? UnitId, string? Title, string? Description, DateOnly? DiscoveredOn, string? Note, string? Evidence, IReadOnlyList<int> MovementIds);

/// <summary>A stage change as typed: where to, when, notes, evidence (text and/or a stored file), and the reason for a step back.</summary>
public sealed record StageInput(ModelStage Target, DateOnly? OnDate, string? Note, string? Evidence, StoredDocument? File, string? Reason);

/// <summary>A movement a model may be linked to: its id, name (theme) and year.</summary>
public sealed record MovementChoice(int Id, string Theme, int Year)
{
    public string Label => ModelRules.MovementLabel(Theme, Year);
}

/// <summary>The result of a change: nothing wrong, Vietnamese problems, or refused (outside the user's agency).</summary>
public sealed record ModelOutcome(List<string> Errors, bool Forbidden = false, int? Id = null)
{
    public bool Ok => Errors.Count == 0 && !Forbidden;
    public static ModelOutcome Refused => new([], true);
}

/// <summary>The rules that need no database: names, bounds, and which stage changes are allowed.</summary>
public static class ModelRules
{
    public const int TitleMax = 300, DescriptionMax = 4000, NoteMax = 2000, ReasonMax = 1000, MovementsMax = 20;
    public const int FirstYear = 2000, LastYear = 2100;
    public const string ConflictMessage = "Gương điển hình vừa được người khác thay đổi. Nội dung bạn nhập vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.";
    public static readonly DocumentKind[] EvidenceKinds = [DocumentKind.Pdf, DocumentKind.Png, DocumentKind.Jpeg, DocumentKind.OfficeZip];

    public static string StageName(ModelStage s) => s switch
    {
        ModelStage.Discover => "Phát hiện",
        ModelStage.Nurture => "Bồi dưỡng",
        ModelStage.Summarize => "Tổng kết",
        _ => "Nhân rộng",
    };

    public static string StageNameEn(ModelStage s) => s switch
    {
        ModelStage.Discover => "Discover",
        ModelStage.Nurture => "Nurture",
        ModelStage.Summarize => "Summarize",
        _ => "Replicate",
    };

    public static string KindName(ModelKind k) => k switch
    {
        ModelKind.Person => "Cá nhân",
        ModelKind.Collective => "Tập thể",
        _ => "Mô hình, cách làm hay",
    };

    public static string KindNameEn(ModelKind k) => k switch
    {
        ModelKind.Person => "Person",
        ModelKind.Collective => "Collective",
        _ => "Way of working",
    };

    /// <summary>The stage after <paramref name="s"/>, or null at the last one.</summary>
    public static ModelStage? Next(ModelStage s) => s == ModelStage.Replicate ? null : s + 1;

    /// <summary>
    /// Why a model at <paramref name="current"/> may not go to <paramref name="target"/>; null when it may. Forward one
    /// stage at a time, never skipping; back to any earlier stage with a reason.
    /// </summary>
    public static string? TransitionProblem(ModelStage current, ModelStage target, string? reason)
    {
        if (!Enum.IsDefined(target)) return "Giai đoạn: hãy chọn một trong bốn giai đoạn.";
        if (target == current) return $"Gương điển hình đang ở giai đoạn \"{StageName(current)}\".";
        if (target > current + 1)
            return $"Không được bỏ qua giai đoạn: sau \"{StageName(current)}\" là \"{StageName(current + 1)}\", chưa đến \"{StageName(target)}\".";
        if (target < current)
        {
            if (string.IsNullOrWhiteSpace(reason)) return $"Quay lại giai đoạn \"{StageName(target)}\": hãy nhập lý do.";
            if (reason.Trim().Length > ReasonMax) return $"Lý do quay lại tối đa {VnFormat.Number(ReasonMax)} ký tự.";
        }
        return null;
    }

    /// <summary>A movement as a person reads it: its name and year, e.g. "Đoàn kết, sáng tạo… (2019)".</summary>
    public static string MovementLabel(string theme, int year) => string.Create(CultureInfo.InvariantCulture, $"{theme} ({year})");

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// The register of exemplary models: create, edit, change stage, portal flag. The only way rows change, used by the
/// pages and the demo year; each change is audited in the same SaveChanges and checked against the actor's agency.
/// </summary>
public sealed class ModelRegister(AppDbContext db, TimeProvider clock)
{
    public const string EntityType = nameof(ExemplaryModel);

    public async Task<ModelOutcome> CreateAsync(ModelActor actor, ModelInput input, CancellationToken ct = default)
    {
        if (!actor.Manages) return ModelOutcome.Refused;
        var errors = CheckText(input);
        if (!Enum.IsDefined(input.Kind)) errors.Add("Loại gương điển hình: hãy chọn cá nhân, tập thể hoặc mô hình, cách làm hay.");
        if (input.DiscoveredOn is null) errors.Add("Ngày phát hiện: hãy nhập ngày.");
        else if (input.DiscoveredOn.Value.Year is < ModelRules.FirstYear or > ModelRules.LastYear) errors.Add($"Ngày phát hiện phải trong các năm {ModelRules.FirstYear}–{ModelRules.LastYear}.");
        int? personId = null, unitId = null, agencyId = null;
        string subject = "";
        if (input.Kind == ModelKind.Person)
        {
            var code = (input.PersonalCode ?? "").Trim();
            var p = code.Length is > 0 and <= 50 ? await db.People.AsNoTracking().Where(x => x.PersonalCode == code)
                .Select(x => new { x.Id, x.FamilyName, x.MiddleName, x.GivenName, x.CurrentUnitId }).FirstOrDefaultAsync(ct) : null;
            if (p is null) errors.Add("Mã cá nhân: không có cán bộ nào mang mã này.");
            else
            {
                personId = p.Id;
                subject = $"{VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName)} ({code})";
                agencyId = p.CurrentUnitId is { } u ? await UnitScopeService.AgencyOfAsync(db, u, ct) : null;
                if (agencyId is null) errors.Add("Mã cá nhân: cán bộ này chưa thuộc đơn vị nào.");
            }
        }
        else if (Enum.IsDefined(input.Kind))
        {
            var label = input.Kind == ModelKind.Collective ? "Tập thể" : "Đơn vị chủ quản";
            var u = input.UnitId is { } uid ? await db.Units.AsNoTracking().Where(x => x.Id == uid).Select(x => new { x.Id, x.Name, x.Code }).FirstOrDefaultAsync(ct) : null;
            if (u is null) errors.Add($"{label}: hãy chọn một đơn vị có trong danh sách.");
            else
            {
                unitId = u.Id;
                subject = $"{u.Name} ({u.Code})";
                agencyId = await UnitScopeService.AgencyOfAsync(db, u.Id, ct);
            }
            if (input.Kind == ModelKind.Practice && string.IsNullOrWhiteSpace(input.Title)) errors.Add("Tên mô hình, cách làm hay: hãy nhập tên.");
        }
        if (agencyId is { } a && !actor.CanChange(a)) errors.Add("Chỉ ghi được gương điển hình của cơ quan mình: cán bộ hoặc đơn vị đã chọn thuộc cơ quan khác.");
        var movementIds = input.MovementIds.Distinct().ToList();
        if (errors.Count == 0 && await MovementProblemAsync(agencyId!.Value, movementIds, [], ct) is { } mp) errors.Add(mp);
        if (errors.Count > 0) return new ModelOutcome(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var m = new ExemplaryModel
        {
            Kind = input.Kind, PersonId = personId, UnitId = unitId, AgencyId = agencyId!.Value, Year = input.DiscoveredOn!.Value.Year,
            Title = ModelRules.Blank(input.Title), Description = ModelRules.Blank(input.Description), Stage = ModelStage.Discover,
        };
        m.Stages.Add(new ModelStageEntry { Stage = ModelStage.Discover, OnDate = input.DiscoveredOn.Value, Note = ModelRules.Blank(input.Note), Evidence = ModelRules.Blank(input.Evidence), RecordedBy = actor.UserName, RecordedUtc = now });
        foreach (var id in movementIds) m.Movements.Add(new ModelMovement { MovementId = id });
        db.ExemplaryModels.Add(m);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Audit(actor.UserName, "Thêm gương điển hình", EntityType, m.Id,
            $"trước: — → sau: {ModelRules.KindName(m.Kind)} {subject}{(m.Title is null ? "" : $" \"{m.Title}\"")}; giai đoạn {ModelRules.StageName(m.Stage)} ngày {VnFormat.Date(input.DiscoveredOn)}; phong trào: {await MovementNamesAsync(movementIds, ct)}",
            atUtc: now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ModelOutcome([], Id: m.Id);
    }

    /// <summary>Edits the title, description and movements.</summary>
    public async Task<ModelOutcome> EditAsync(ModelActor actor, int id, int version, ModelInput input, CancellationToken ct = default)
    {
        var m = await db.ExemplaryModels.Include(x => x.Movements).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return new ModelOutcome(["Không tìm thấy gương điển hình."]);
        if (!actor.CanChange(m.AgencyId)) return ModelOutcome.Refused;
        var errors = CheckText(input);
        if (m.Kind == ModelKind.Practice && string.IsNullOrWhiteSpace(input.Title)) errors.Add("Tên mô hình, cách làm hay: hãy nhập tên.");
        var movementIds = input.MovementIds.Distinct().ToList();
        var linked = m.Movements.Select(x => x.MovementId).ToList();
        if (errors.Count == 0 && await MovementProblemAsync(m.AgencyId, movementIds, linked, ct) is { } mp) errors.Add(mp);
        if (errors.Count > 0) return new ModelOutcome(errors);
        var before = $"tên: {m.Title ?? "—"}; mô tả {m.Description?.Length ?? 0} ký tự; phong trào: {await MovementNamesAsync(linked, ct)}";
        db.Entry(m).Property(x => x.Version).OriginalValue = version;
        m.Title = ModelRules.Blank(input.Title);
        m.Description = ModelRules.Blank(input.Description);
        foreach (var gone in m.Movements.Where(x => !movementIds.Contains(x.MovementId)).ToList()) m.Movements.Remove(gone);
        foreach (var added in movementIds.Where(x => m.Movements.All(y => y.MovementId != x))) m.Movements.Add(new ModelMovement { MovementId = added });
        db.Entry(m).Property(x => x.Version).IsModified = true;
        db.Audit(actor.UserName, "Sửa gương điển hình", EntityType, m.Id,
            $"trước: {before} → sau: tên: {m.Title ?? "—"}; mô tả {m.Description?.Length ?? 0} ký tự; phong trào: {await MovementNamesAsync(movementIds, ct)}", atUtc: clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(id, ct);
    }

    public async Task<ModelOutcome> ChangeStageAsync(ModelActor actor, int id, int version, StageInput input, CancellationToken ct = default)
    {
        var m = await db.ExemplaryModels.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return new ModelOutcome(["Không tìm thấy gương điển hình."]);
        if (!actor.CanChange(m.AgencyId)) return ModelOutcome.Refused;
        var errors = new List<string>();
        if (ModelRules.TransitionProblem(m.Stage, input.Target, input.Reason) is { } p) errors.Add(p);
        var last = await db.ModelStageEntries.Where(e => e.ModelId == id).OrderByDescending(e => e.Id).Select(e => (DateOnly?)e.OnDate).FirstOrDefaultAsync(ct);
        if (input.OnDate is null) errors.Add("Ngày: hãy nhập ngày của giai đoạn.");
        else if (input.OnDate.Value.Year is < ModelRules.FirstYear or > ModelRules.LastYear) errors.Add($"Ngày phải trong các năm {ModelRules.FirstYear}–{ModelRules.LastYear}.");
        else if (last is { } l && input.OnDate < l) errors.Add($"Ngày ({VnFormat.Date(input.OnDate)}) không được trước ngày của bước trước ({VnFormat.Date(l)}).");
        if ((input.Note?.Length ?? 0) > ModelRules.NoteMax) errors.Add($"Ghi chú tối đa {VnFormat.Number(ModelRules.NoteMax)} ký tự.");
        if ((input.Evidence?.Length ?? 0) > ModelRules.NoteMax) errors.Add($"Minh chứng tối đa {VnFormat.Number(ModelRules.NoteMax)} ký tự.");
        if (errors.Count > 0) return new ModelOutcome(errors);
        var from = m.Stage;
        var back = input.Target < from;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(m).Property(x => x.Version).OriginalValue = version;
        m.Stage = input.Target;
        db.ModelStageEntries.Add(new ModelStageEntry
        {
            ModelId = m.Id, Stage = input.Target, FromStage = from, OnDate = input.OnDate!.Value, Note = ModelRules.Blank(input.Note), Evidence = ModelRules.Blank(input.Evidence),
            EvidenceStoredName = input.File?.StoredName, EvidenceFileName = input.File?.FileName, EvidenceKind = input.File?.Kind, EvidenceLength = input.File?.Length,
            Reason = back ? input.Reason!.Trim() : null, RecordedBy = actor.UserName, RecordedUtc = now,
        });
        db.Audit(actor.UserName, back ? "Gương điển hình quay lại giai đoạn trước" : "Gương điển hình chuyển giai đoạn", EntityType, m.Id,
            $"trước: {ModelRules.StageName(from)} → sau: {ModelRules.StageName(input.Target)}, ngày {VnFormat.Date(input.OnDate)}{(input.File is null ? "" : $", minh chứng {input.File.FileName}")}{(back ? $"; lý do: {input.Reason!.Trim()}" : "")}",
            atUtc: now);
        return await SaveAsync(id, ct);
    }

    public async Task<ModelOutcome> SetPortalAsync(ModelActor actor, int id, int version, bool onPortal, CancellationToken ct = default)
    {
        var m = await db.ExemplaryModels.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return new ModelOutcome(["Không tìm thấy gương điển hình."]);
        if (!actor.CanChange(m.AgencyId)) return ModelOutcome.Refused;
        if (m.OnPortal == onPortal) return new ModelOutcome([]);
        db.Entry(m).Property(x => x.Version).OriginalValue = version;
        m.OnPortal = onPortal;
        db.Audit(actor.UserName, onPortal ? "Đưa gương điển hình lên cổng thông tin" : "Gỡ gương điển hình khỏi cổng thông tin", EntityType, m.Id,
            $"trước: {(onPortal ? "không" : "có")} đưa lên cổng thông tin → sau: {(onPortal ? "có" : "không")}", atUtc: clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(id, ct);
    }

    private static List<string> CheckText(ModelInput i)
    {
        var errors = new List<string>();
        if ((i.Title?.Trim().Length ?? 0) > ModelRules.TitleMax) errors.Add($"Tên tối đa {ModelRules.TitleMax} ký tự.");
        if ((i.Description?.Length ?? 0) > ModelRules.DescriptionMax) errors.Add($"Mô tả tối đa {VnFormat.Number(ModelRules.DescriptionMax)} ký tự.");
        if ((i.Note?.Length ?? 0) > ModelRules.NoteMax) errors.Add($"Ghi chú tối đa {VnFormat.Number(ModelRules.NoteMax)} ký tự.");
        if ((i.Evidence?.Length ?? 0) > ModelRules.NoteMax) errors.Add($"Minh chứng tối đa {VnFormat.Number(ModelRules.NoteMax)} ký tự.");
        if (i.MovementIds.Distinct().Count() > ModelRules.MovementsMax) errors.Add($"Phong trào thi đua: tối đa {ModelRules.MovementsMax} phong trào.");
        return errors;
    }

    // ---------- movements ----------

    /// <summary>
    /// The checkboxes of the edit form: what <paramref name="agencyId"/> may see of <paramref name="year"/> and the year
    /// before, and every movement in <paramref name="linked"/> whatever its year; newest year first, then by name.
    /// </summary>
    public async Task<List<MovementChoice>> MovementChoicesAsync(int? agencyId, int year, IReadOnlyCollection<int> linked, CancellationToken ct)
    {
        var list = agencyId is { } a
            ? await (await MovementService.LaunchedSeenByAgencyAsync(db, a, ct)).AsNoTracking().Where(x => x.Year == year || x.Year == year - 1)
                .Select(x => new MovementChoice(x.Id, x.Theme, x.Year)).ToListAsync(ct)
            : [];
        var missing = linked.Where(id => list.All(c => c.Id != id)).ToList();
        if (missing.Count > 0) list.AddRange(await MovementsAsync(missing, ct));
        return list.OrderByDescending(c => c.Year).ThenBy(c => c.Theme, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
    }

    /// <summary>The named movements, by year then name.</summary>
    public async Task<List<MovementChoice>> MovementsAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var list = await db.Movements.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new MovementChoice(x.Id, x.Theme, x.Year)).ToListAsync(ct);
        return list.OrderBy(c => c.Year).ThenBy(c => c.Theme, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
    }

    /// <summary>Why the movements may not be linked to a model of <paramref name="agencyId"/>: one the agency may not see (and not already linked).</summary>
    private async Task<string?> MovementProblemAsync(int agencyId, List<int> ids, List<int> linked, CancellationToken ct)
    {
        var asked = ids.Where(id => !linked.Contains(id)).ToList();
        if (asked.Count == 0) return null;
        var seen = await (await MovementService.LaunchedSeenByAgencyAsync(db, agencyId, ct)).Where(x => asked.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
        return asked.All(seen.Contains) ? null
            : "Phong trào thi đua: chỉ chọn được phong trào mà cơ quan của gương điển hình được phát động hoặc tham gia (đã phát động hoặc đã kết thúc). Hãy chọn trong danh sách.";
    }

    private async Task<string> MovementNamesAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? "—" : string.Join("; ", (await MovementsAsync(ids, ct)).Select(c => c.Label));

    private async Task<ModelOutcome> SaveAsync(int id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new ModelOutcome([], Id: id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ModelOutcome([ModelRules.ConflictMessage]);
        }
    }
}
