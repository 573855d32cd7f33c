using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class EmailRecogniserTests
{
    [Theory]
    [InlineData("Mail j.devries@voorbeeld.nl vandaag.", "j.devries@voorbeeld.nl")]
    [InlineData("Mail <Sanne.Bakker+werk@Example.COM>.", "Sanne.Bakker+werk@Example.COM")]
    [InlineData("Mail m_el-amrani@sub.mail-test.org, graag.", "m_el-amrani@sub.mail-test.org")]
    [InlineData("Mail josé@voorbeeld.nl.", "josé@voorbeeld.nl")]
    public void Recognise_Email_FindsSpan(string text, string expected)
    {
        Assert.Equal([expected], RecogniserHarness.Accepted(new EmailRecogniser(), text));
    }

    [Theory]
    [InlineData("Een @-teken alleen.")]
    [InlineData("Twitter @politie.")]
    [InlineData("naam@localhost zonder domein")]
    public void Recognise_NotAnEmail_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Accepted(new EmailRecogniser(), text));
    }
}
