using System.Text;
using System.Text.Encodings.Web;

namespace SharingHub.Hub.Auth;

/// <summary>The minimal server-rendered sign-in page (no scripts, every value HTML-encoded).</summary>
internal static class LoginPage
{
    public static string Render(string antiforgeryField, string antiforgeryToken, string? returnUrl, string? error, string? signedInAs)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(2048);
        page.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>SharingHub - Inloggen</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}")
            .Append("label,input,button{display:block;width:100%;margin:.3rem 0}input{padding:.4rem}button{padding:.5rem}")
            .Append(".error{color:#a00}</style></head><body><main><h1>SharingHub</h1>");
        if (signedInAs is not null)
        {
            page.Append("<p>Ingelogd als ").Append(html.Encode(signedInAs)).Append(".</p>")
                .Append("<form method=\"post\" action=\"/connect/logout\"><button type=\"submit\">Uitloggen</button></form>");
        }

        if (error is not null)
        {
            page.Append("<p class=\"error\" role=\"alert\">").Append(html.Encode(error)).Append("</p>");
        }

        page.Append("<form method=\"post\" action=\"").Append(html.Encode(LoginCookie.LoginPath)).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(html.Encode(antiforgeryField)).Append("\" value=\"").Append(html.Encode(antiforgeryToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(html.Encode(returnUrl ?? string.Empty)).Append("\">")
            .Append("<label for=\"username\">Gebruikersnaam</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required maxlength=\"128\">")
            .Append("<label for=\"password\">Wachtwoord</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"256\">")
            .Append("<button type=\"submit\">Inloggen</button></form></main></body></html>");
        return page.ToString();
    }
}
