namespace ThiDua.Tests.Models;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by a model's id are checked in <see cref="ModelAccessTests"/>.</remarks>
public static class ModelsAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Models", "login"),
        ("canbo.btctw@thidua.vn", "/Models", "denied"),
        ("canbo.hvctqg@thidua.vn", "/Models", "denied"),
        ("admin@thidua.vn", "/Models", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Models?agency={hvUnit}", "ok"),
        ("hoidong.btctw@thidua.vn", "/Models", "ok"),
        ("tdkt.btctw@thidua.vn", "/Models?stage=Nurture&kind=Person&year=2019", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Models", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Models", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Models", "ok"),
        ("tdkt.btctw@thidua.vn", "/Models/Edit", "ok"),
        ("hoidong.btctw@thidua.vn", "/Models/Edit", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Models/Edit", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Models/Edit", "denied"),
        ("lanhdao.btctw@thidua.vn", "/Models/Edit", "denied"),
    ];
}
