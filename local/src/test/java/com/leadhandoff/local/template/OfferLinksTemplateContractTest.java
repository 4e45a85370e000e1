package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.Projects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Offer links work on the first deploy: the functions' base URL is an explicit one, else the custom
 * domain, else the HTTP API's invoke URL; never a placeholder.
 */
class OfferLinksTemplateContractTest {
  private static final Path TEMPLATE = Projects.root().resolve("template.yaml");
  private final TemplateTree tree = new TemplateTree();

  private static String baseUrl(Map<String, String> parameters) {
    return Template.read(TEMPLATE, parameters)
        .functionDeclaredAs("OfferToRepFunction")
        .orElseThrow()
        .environment()
        .get("PUBLIC_BASE_URL");
  }

  @Test
  void noParameters_linksUseTheApisInvokeUrl_notAPlaceholder() {
    // GIVEN a first deploy that answers every question with its default
    assertEquals("", tree.at(tree.root, "Parameters", "PublicBaseUrl", "Default"));

    // WHEN the functions' base URL is resolved
    String url = baseUrl(Map.of());

    // THEN it is the HTTP API's own URL (the $default stage has no path)
    assertTrue(url.matches("https://[^/]+\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com"), url);
    assertTrue(!url.contains("example.com"), url);
  }

  @Test
  void customDomain_linksUseIt() {
    String url =
        baseUrl(
            Map.of(
                "DomainName",
                "leads.acme.test",
                "CertificateArn",
                "arn:aws:acm:eu-west-1:123456789012:certificate/abc"));
    assertEquals("https://leads.acme.test", url);
  }

  @Test
  void explicitBaseUrl_winsOverTheDomain_asTheLocalRuntimeNeeds() {
    String url =
        baseUrl(Map.of("PublicBaseUrl", "http://localhost:3000", "DomainName", "leads.acme.test"));
    assertEquals("http://localhost:3000", url);
  }

  @Test
  void customDomain_isADomainNameMappedToTheDefaultStage_withAnOptionalRecord() {
    // GIVEN the domain's resources
    Map<String, Object> domain = tree.map("Resources", "ApiDomain");
    Map<String, Object> mapping = tree.map("Resources", "ApiDomainMapping");
    Map<String, Object> record = tree.map("Resources", "ApiDomainRecord");

    // THEN each exists only when asked for, and they chain domain -> API stage -> DNS alias
    assertEquals("AWS::ApiGatewayV2::DomainName", domain.get("Type"));
    assertEquals("HasCustomDomain", domain.get("Condition"));
    Map<?, ?> config =
        (Map<?, ?>) tree.list(domain, "Properties", "DomainNameConfigurations").get(0);
    assertEquals(Map.of("Ref", "CertificateArn"), config.get("CertificateArn"));
    assertEquals("REGIONAL", config.get("EndpointType"));
    assertEquals("AWS::ApiGatewayV2::ApiMapping", mapping.get("Type"));
    assertEquals("HasCustomDomain", mapping.get("Condition"));
    assertEquals(Map.of("Ref", "ApiDomain"), tree.at(mapping, "Properties", "DomainName"));
    assertEquals(Map.of("Ref", "LeadApi"), tree.at(mapping, "Properties", "ApiId"));
    assertEquals(
        Map.of("Ref", "LeadApiApiGatewayDefaultStage"), tree.at(mapping, "Properties", "Stage"));
    assertEquals("AWS::Route53::RecordSet", record.get("Type"));
    assertEquals("HasDnsRecord", record.get("Condition"));
    assertEquals(
        Map.of("Fn::GetAtt", List.of("ApiDomain", "RegionalDomainName")),
        tree.at(record, "Properties", "AliasTarget", "DNSName"));
  }

  @Test
  void aDomainWithoutACertificate_isRefusedByATemplateRule() {
    Map<String, Object> rule = tree.map("Rules", "CustomDomainNeedsCertificate");
    assertTrue(rule.get("RuleCondition").toString().contains("DomainName"), rule.toString());
    assertTrue(rule.get("Assertions").toString().contains("CertificateArn"), rule.toString());
  }
}
