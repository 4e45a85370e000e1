package com.leadhandoff.local.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads CloudFormation YAML, turning each short-form tag ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !Sub ...}) into its long form ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}) so one
 * resolver handles both spellings.
 */
public final class CloudFormationYaml {
  private static final List<String> FUNCTIONS =
      List.of(
          "GetAtt",
          "Sub",
          "Join",
          "If",
          "Equals",
          "Select",
          "Split",
          "FindInMap",
          "ImportValue",
          "Base64",
          "GetAZs",
          "Not",
          "And",
          "Or",
          "Cidr",
          "Length",
          "ToJsonString");

  private CloudFormationYaml() {}

  /** Reads a template file into plain maps, lists and scalars. */
  public static Map<String, Object> load(Path file) {
    try (Reader in = Files.newBufferedReader(file)) {
      Object loaded = new Yaml(new Tags()).load(in);
      if (!(loaded instanceof Map<?, ?> map)) {
        throw new TemplateException(file + " is not a CloudFormation template (no top-level map)");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> template = (Map<String, Object>) map;
      return template;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (YAMLException e) {
      throw new TemplateException(file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static final class Tags extends SafeConstructor {
    Tags() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
      for (String function : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
      }
    }

    /** Builds {@code {name: value}} from whatever node the tag was put on. */
    private final class LongForm extends AbstractConstruct {
      private final String name;

      LongForm(String name) {
        this.name = name;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = scalar.getValue();
          // The short form "!GetAtt Resource.Attribute" is the list form split at the first dot.
          if (name.equals("Fn::GetAtt")) {
            String text = scalar.getValue();
            int dot = text.indexOf('.');
            value =
                dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
          }
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        return Map.of(name, value);
      }
    }
  }
}
