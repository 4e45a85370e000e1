package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code docs/deploy.md} promises about building and deploying, checked on the real template,
 * {@code samconfig.toml} and POMs: a package {@code sam build} deploys as it is, arm64, stack tags.
 */
class DeployTemplateContractTest {
  private final TemplateTree tree = new TemplateTree();

  @Test
  void everyFunction_deploysAZipMavenBuilds_whichSamBuildSkips() {
    // GIVEN the global CodeUri and the packages the functions module writes
    Object codeUri = tree.at(tree.root, "Globals", "Function", "CodeUri");
    String pom = TemplateTree.read("functions/pom.xml");

    // WHEN we look for functions that name code of their own
    Map<String, Object> ownCode = new java.util.TreeMap<>();
    tree.ofType("AWS::Serverless::Function")
        .forEach(
            (id, f) -> {
              Object own = tree.at(f, "Properties", "CodeUri");
              if (own != null) {
                ownCode.put(id, own);
              }
            });

    // THEN SAM CLI's BuildContext._is_function_buildable skips each (a CodeUri ending in .zip),
    // Maven writes exactly those files, only the digest has a package of its own (JFreeChart),
    // and no function builds anything else
    assertEquals("functions/target/lead-handoff-functions.zip", codeUri);
    assertEquals(Map.of("DigestFunction", "functions/target/lead-handoff-digest.zip"), ownCode);
    for (String zip : List.of("lead-handoff-functions.zip", "lead-handoff-digest.zip")) {
      assertTrue(
          pom.contains("tofile=\"${project.build.directory}/" + zip + "\""),
          "functions/pom.xml writes " + zip);
    }
    assertFalse(tree.root.toString().contains("BuildMethod"), "no makefile or other builder");
  }

  @Test
  void thePackage_isReproducible_soAnUnchangedBuildIsNotANewUpload() {
    assertTrue(
        TemplateTree.read("pom.xml").contains("<project.build.outputTimestamp>"),
        "fixed entry times in the jar");
  }

  @Test
  void functions_runOnArm64() {
    assertEquals(List.of("arm64"), tree.at(tree.root, "Globals", "Function", "Architectures"));
    tree.ofType("AWS::Serverless::Function")
        .forEach(
            (id, f) ->
                assertEquals(
                    null, tree.at(f, "Properties", "Architectures"), id + " overrides arm64"));
  }

  @Test
  void samconfig_namesTheStack_itsCapabilityAndTags() {
    // GIVEN samconfig.toml
    String config = TemplateTree.read("samconfig.toml");

    // THEN deploy needs no flag the docs do not show
    assertTrue(config.contains("version = 0.1"), config);
    assertTrue(config.contains("stack_name = \"lead-handoff\""), config);
    assertTrue(config.contains("capabilities = \"CAPABILITY_IAM\""), config);
    assertTrue(config.contains("resolve_s3 = true"), config);
    assertTrue(config.contains("tags = \"project=\\\"lead-handoff\\\""), config);
  }

  @Test
  void readme_linksTheDeployPage_whichShowsTheThreeCommands() {
    String readme = TemplateTree.read("README.md");
    String deploy = TemplateTree.read("docs/deploy.md");
    assertTrue(readme.contains("(docs/deploy.md)"), "README links docs/deploy.md");
    assertTrue(
        deploy.contains("mvn -B -ntp -pl functions -am package\nsam build\nsam deploy --guided\n"),
        "docs/deploy.md shows the commands in order");
    assertTrue(
        readme.contains("mvn -B -ntp -pl functions -am package\nsam build\nsam deploy --guided\n"),
        "README shows the same commands");
  }
}
