namespace ThiDua.Tests.Calendar;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for /Calendar (administrators only) and /Notifications (any signed-in account).</summary>
/// <remarks>Pages keyed by ids are checked in <see cref="CalendarPageTests"/> and Notifications.NotificationPageTests.</remarks>
public static class CalendarAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Calendar", "login"),
        ("admin@thidua.vn", "/Calendar", "ok"),
        ("admin@thidua.vn", "/Calendar?year=2025", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Calendar", "denied"),
        ("hoidong.btctw@thidua.vn", "/Calendar", "denied"),
        ("tdkt.btctw@thidua.vn", "/Calendar", "denied"),
        ("canbo.btctw@thidua.vn", "/Calendar", "denied"),
        ("anonymous", "/Notifications", "login"),
        ("admin@thidua.vn", "/Notifications", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Notifications", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Notifications", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Notifications", "ok"),
        ("canbo.btctw@thidua.vn", "/Notifications", "ok"),
        ("canbo.hvctqg@thidua.vn", "/Notifications", "ok"),
    ];
}
