using Anju.Host.Validation;
using Microsoft.AspNetCore.Http;

namespace Anju.Host.Tests.Validation;

/// <summary>The one rule for over-long input: an error naming the limit in zh-CN and en, and the value refused, never cut short.</summary>
public sealed class FieldErrorsTests
{
    private static HttpContext Caller(string? language = null)
    {
        var context = new DefaultHttpContext();
        if (language is not null)
        {
            context.Request.Headers.AcceptLanguage = language;
        }

        return context;
    }

    [Fact]
    public void A_required_text_over_its_limit_is_refused_with_the_limit_named()
    {
        var errors = new FieldErrors();

        var text = errors.RequireText("title", "  一二三四五六  ", 5);

        Assert.Null(text);
        Assert.Equal(["最多输入 5 个字符。"], errors.Messages(Caller())["title"]);
        Assert.Equal(["Enter at most 5 characters."], errors.Messages(Caller("en"))["title"]);
    }

    [Fact]
    public void An_optional_text_over_its_limit_is_refused_too_not_kept_or_truncated()
    {
        var errors = new FieldErrors();

        var text = errors.OptionalText("note", "abcdefg", 3);

        Assert.Null(text);
        Assert.Equal(["Enter at most 3 characters."], errors.Messages(Caller("en"))["note"]);
    }

    [Fact]
    public void A_text_at_its_limit_is_kept_trimmed_and_blank_optional_text_is_none()
    {
        var errors = new FieldErrors();

        Assert.Equal("abc", errors.RequireText("a", " abc ", 3));
        Assert.Null(errors.OptionalText("b", "   ", 3));
        Assert.False(errors.Any);
    }

    [Fact]
    public void A_missing_required_text_is_an_error_of_its_own()
    {
        var errors = new FieldErrors();

        Assert.Null(errors.RequireText("title", " ", 5));
        Assert.Equal(["This field is required."], errors.Messages(Caller("en"))["title"]);
    }
}
