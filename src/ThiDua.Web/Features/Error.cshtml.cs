using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Features;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã có lỗi";
    public string Message { get; private set; } = "Hệ thống gặp lỗi khi xử lý yêu cầu. Dữ liệu của bạn chưa bị thay đổi; hãy thử lại.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 404:
                Title = "Không tìm thấy trang";
                Message = "Trang hoặc bản ghi bạn tìm không có hoặc đã bị xóa.";
                break;
            case 403:
                Title = "Không có quyền truy cập";
                Message = "Tài khoản của bạn không được xem trang này.";
                break;
            case 400:
                Title = "Yêu cầu không hợp lệ";
                Message = "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và thử lại.";
                break;
        }
    }
}
