using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.DemoData;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Nominations.Workflow;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>The demo year for the dossiers, through the same code the pages call (<see cref="NominationActions"/>).</summary>
/// <remarks>
/// 2019: the bloc leader's Bằng khen — one bloc-level BK_BO dossier for each of the 13 collectives and 35 individuals,
/// created by their agency's officer, submitted in January–February 2020 and accepted by the bloc secretariat →
/// ReadyForCouncil (the councils step takes them on). 2025 and 2026: agency-level dossiers of Ban Tổ chức TW and Học
/// viện CTQG in every state the workflow reaches (draft, submitted, overdue, returned, rejected, recall asked, public
/// comment with a pending comment, public comment ended and ruled, ready for the council), plus bloc-level BK_BO
/// dossiers waiting for the bloc secretariat's (bulk) appraisal. The 2025–2026 times are relative to the seeding time
/// so the deadlines and the public-comment window are live in the demo.
/// </remarks>
public static class NominationsDemo
{
    public const string Achievement2019 = "Đã có thành tích xuất sắc trong công tác năm 2019";
    public const string ReturnReason = "Đề nghị bổ sung báo cáo thành tích có xác nhận của thủ trưởng đơn vị và minh chứng sáng kiến (dữ liệu minh họa).";
    public const string RejectReason = "Không đủ tiêu chuẩn: chưa đủ số năm liên tục hoàn thành xuất sắc nhiệm vụ (dữ liệu minh họa).";
    public const string RecallReason = "Đơn vị cần bổ sung kết quả đánh giá, xếp loại cuối năm trước khi xét (dữ liệu minh họa).";
    public const string DemoComment = "Đề nghị làm rõ phạm vi ảnh hưởng của sáng kiến nêu trong báo cáo thành tích (ý kiến minh họa).";

    /// <summary>A time in Hà Nội as UTC.</summary>
    private static DateTime At(int year, int month, int day, int hour) => new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-7);

    private enum Goal { Draft, Submitted, Overdue, Returned, Rejected, Recall, PublicCommentOpen, PublicCommentRuled, ReadyForCouncil }

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var config = ctx.Services.GetService(typeof(IConfiguration)) as IConfiguration ?? new ConfigurationBuilder().Build();
        var clock = ctx.Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var actions = new NominationActions(db, config);

        // ---- 2019: the bloc leader's Bằng khen ----
        var subjects = ctx.BkCollectives2019.Select(u => (UnitId: (int?)u, PersonId: (int?)null))
            .Concat(ctx.BkIndividuals2019.Select(p => (UnitId: (int?)null, PersonId: (int?)p))).ToList();
        var codeOf = ctx.Agencies.ToDictionary(a => a.Value, a => a.Key);
        for (var i = 0; i < subjects.Count; i++)
        {
            var (unitId, personId) = subjects[i];
            var subjectUnit = unitId ?? await db.People.Where(p => p.Id == personId).Select(p => p.CurrentUnitId).FirstOrDefaultAsync(ct);
            if (subjectUnit is null) continue;
            var agencyId = await UnitScopeService.AgencyOfAsync(db, subjectUnit.Value, ct);
            if (agencyId is null) continue;
            var officer = ctx.OfficerOf(codeOf.GetValueOrDefault(agencyId.Value, "KHOI"));
            var submitted = At(2020, 1, 6, 9).AddDays(i * 40 / Math.Max(1, subjects.Count));
            var n = await CreateDraftAsync(db, ctx, agencyId.Value, 2019, EligibilityCodes.BK_BO, NominationLevel.Bloc, personId, unitId, Achievement2019,
                ctx.Movement2019Id, officer, submitted.AddDays(-2), ct);
            await SubmitAsync(actions, db, n.Id, officer, submitted, ct);
            await actions.AcceptAsync(n.Id, await VersionAsync(db, n.Id, ct), "Hồ sơ đầy đủ, đúng tiêu chuẩn (dữ liệu minh họa).", ctx.Secretariat, submitted.AddDays(6).AddHours(5), ct);
        }

        // ---- 2025 and 2026: the demo accounts' agencies ----
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var agencyCode in new[] { "BTCTW", "HVCTQG" })
        {
            if (!ctx.Agencies.TryGetValue(agencyCode, out var agencyId)) continue;
            var officer = ctx.OfficerOf(agencyCode);
            var handler = agencyCode == "BTCTW" ? "hoidong.btctw@thidua.vn" : $"hoidong.{agencyCode.ToLowerInvariant()}@thidua.vn (minh họa)";
            var people = await PeopleOfAsync(db, agencyId, 24, ct);
            var units = await db.Units.AsNoTracking().Where(u => u.ParentId == agencyId && u.ActiveTo == null).OrderBy(u => u.Id).Select(u => u.Id).Take(3).ToListAsync(ct);
            var p = 0;
            int? Next() => p < people.Count ? people[p++] : null;

            async Task AgencyDossierAsync(int year, string code, Goal goal, int? unit = null)
            {
                var person = unit is null ? Next() : null;
                if (unit is null && person is null) return;
                var achievement = year == 2025 ? "Đã có thành tích xuất sắc trong công tác năm 2025" : "Đã hoàn thành xuất sắc nhiệm vụ năm 2026";
                // 2025: filed in early 2026; 2026: relative to now.
                var start = year == 2025 ? At(2026, 1, 12, 9) : now.AddDays(-40);
                var n = await CreateDraftAsync(db, ctx, agencyId, year, code, NominationLevel.Agency, person, unit, achievement, null, officer, start, ct);
                if (goal == Goal.Draft) return;
                var submitAt = goal switch
                {
                    Goal.Overdue => now.AddDays(-30),
                    Goal.PublicCommentRuled => now.AddDays(-45 + 10),
                    _ when year == 2025 => At(2026, 1, 14, 9),
                    _ => now.AddDays(-6),
                };
                if (submitAt < start) submitAt = start.AddHours(1);
                await SubmitAsync(actions, db, n.Id, officer, submitAt, ct);
                var later = submitAt.AddDays(2);
                switch (goal)
                {
                    case Goal.Returned:
                        await actions.ReturnAsync(n.Id, await VersionAsync(db, n.Id, ct), ReturnReason, handler, later, ct);
                        break;
                    case Goal.Rejected:
                        await actions.RejectAsync(n.Id, await VersionAsync(db, n.Id, ct), RejectReason, handler, later, ct);
                        break;
                    case Goal.Recall:
                        await actions.RequestRecallAsync(n.Id, await VersionAsync(db, n.Id, ct), RecallReason, officer, later, ct);
                        break;
                    case Goal.ReadyForCouncil:
                        await actions.AcceptAsync(n.Id, await VersionAsync(db, n.Id, ct), null, handler, later, ct);
                        break;
                    case Goal.PublicCommentOpen:
                        await actions.AcceptAsync(n.Id, await VersionAsync(db, n.Id, ct), null, handler, now.AddDays(-3), ct);
                        await actions.AddCommentAsync(n.Id, "Nguyễn Văn Minh", null, DemoComment, onPaper: false, NominationActions.PublicUser, now.AddDays(-1), ct);
                        break;
                    case Goal.PublicCommentRuled:
                        await actions.AcceptAsync(n.Id, await VersionAsync(db, n.Id, ct), null, handler, later, ct);
                        var c = await actions.AddCommentAsync(n.Id, "Trần Thị Hoa", "Phòng Tổ chức cán bộ", DemoComment, onPaper: true, handler, later.AddDays(3), ct);
                        await actions.RuleCommentAsync(n.Id, await VersionAsync(db, n.Id, ct), c.Id, CommentRuling.Dismissed,
                            "Báo cáo thành tích đã nêu rõ phạm vi ảnh hưởng; ý kiến không làm thay đổi kết quả thẩm định (dữ liệu minh họa).", handler, later.AddDays(4), ct);
                        break;
                }
            }

            await AgencyDossierAsync(2026, EligibilityCodes.CSTDCS, Goal.Draft);
            await AgencyDossierAsync(2026, EligibilityCodes.CSTDCS, Goal.Submitted);
            await AgencyDossierAsync(2026, EligibilityCodes.CSTDCS, Goal.Overdue);
            await AgencyDossierAsync(2026, EligibilityCodes.LDTT, Goal.Returned);
            await AgencyDossierAsync(2026, EligibilityCodes.CSTDCS, Goal.Rejected);
            await AgencyDossierAsync(2026, EligibilityCodes.CSTDCS, Goal.Recall);
            await AgencyDossierAsync(2026, EligibilityCodes.CSTDTQ, agencyCode == "BTCTW" ? Goal.PublicCommentOpen : Goal.PublicCommentRuled);
            await AgencyDossierAsync(2026, EligibilityCodes.CSTDCS, Goal.ReadyForCouncil);
            if (units.Count > 0) await AgencyDossierAsync(2026, EligibilityCodes.TTLDXS, Goal.ReadyForCouncil, units[0]);
            await AgencyDossierAsync(2025, EligibilityCodes.CSTDCS, Goal.ReadyForCouncil);
            if (units.Count > 1) await AgencyDossierAsync(2025, EligibilityCodes.TTLDXS, Goal.ReadyForCouncil, units[1]);
            await AgencyDossierAsync(2025, EligibilityCodes.CSTDCS, Goal.Rejected);

            // Bloc-level Bằng khen proposals of 2026 waiting for the bloc secretariat's appraisal.
            for (var k = 0; k < (agencyCode == "BTCTW" ? 3 : 2); k++)
            {
                if (Next() is not { } person) break;
                var n = await CreateDraftAsync(db, ctx, agencyId, 2026, EligibilityCodes.BK_BO, NominationLevel.Bloc, person, null,
                    "Đã có thành tích xuất sắc trong công tác năm 2026", null, officer, now.AddDays(-8), ct);
                await SubmitAsync(actions, db, n.Id, officer, now.AddDays(-4 + k), ct);
            }
        }
    }

    /// <summary>
    /// Creates one draft dossier. The ONE place the demo creates dossiers: the lead switches it to the dossier
    /// feature's <c>DossierService.CreateAsync</c> at merge.
    /// </summary>
    /// <summary>Files a dossier as the page does (<see cref="DossierService.CreateAsync"/>: the report pre-filled from the registry).</summary>
    private static Task<Nomination> CreateDraftAsync(AppDbContext db, BlocYearDemoContext ctx, int agencyId, int year, string code, NominationLevel level,
        int? personId, int? unitId, string achievement, int? movementId, string user, DateTime nowUtc, CancellationToken ct) =>
        new DossierService(db).CreateAsync(new NewDossier(agencyId, personId is null ? NominationSubject.Collective : NominationSubject.Person,
            personId, personId is null ? unitId : null, code, year, level, movementId, AwardBasis.Merit, year, year, achievement), user, nowUtc, ct);

    /// <summary>Submits as the unit would: when the engine says "not eligible", the unit writes its justification.</summary>
    private static async Task SubmitAsync(NominationActions actions, AppDbContext db, int id, string user, DateTime nowUtc, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        var checks = await DossierChecks.RunAsync(db, n, ct);
        var justification = checks.NotEligible ? "Đơn vị đề nghị theo kết quả bình xét của Hội đồng Thi đua – Khen thưởng cơ quan (dữ liệu minh họa)." : null;
        await actions.SubmitAsync(id, await VersionAsync(db, id, ct), justification, user, nowUtc, ct);
    }

    private static Task<int> VersionAsync(AppDbContext db, int id, CancellationToken ct) =>
        db.Nominations.Where(x => x.Id == id).Select(x => x.Version).SingleAsync(ct);

    private static async Task<List<int>> PeopleOfAsync(AppDbContext db, int agencyId, int count, CancellationToken ct)
    {
        var units = await UnitScopeService.SubtreeAsync(db, agencyId, ct);
        return await db.People.AsNoTracking().Where(p => p.IsActive && p.CurrentUnitId != null && units.Contains(p.CurrentUnitId.Value))
            .OrderBy(p => p.Id).Skip(40).Select(p => p.Id).Take(count).ToListAsync(ct);
    }
}
