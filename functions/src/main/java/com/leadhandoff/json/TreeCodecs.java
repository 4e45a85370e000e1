package com.leadhandoff.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.type.ResolvedType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.Iterator;

/**
 * The codec behind {@link JsonTrees#tokens}: reads trees ({@code readValueAsTree}) and nothing
 * else, so a reader walking a tree with a parser needs no object mapper.
 */
final class TreeCodecs extends ObjectCodec {
  static final TreeCodecs LEAN = new TreeCodecs();

  private TreeCodecs() {}

  @Override
  @SuppressWarnings("unchecked")
  public <T extends TreeNode> T readTree(JsonParser parser) throws IOException {
    return (T) JsonTrees.valueAt(parser);
  }

  @Override
  public JsonParser treeAsTokens(TreeNode tree) {
    return JsonTrees.tokens((JsonNode) tree);
  }

  @Override
  public TreeNode createObjectNode() {
    return JsonNodeFactory.instance.objectNode();
  }

  @Override
  public TreeNode createArrayNode() {
    return JsonNodeFactory.instance.arrayNode();
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public <T> T readValue(JsonParser p, Class<T> valueType) {
    throw unsupported();
  }

  @Override
  public <T> T readValue(JsonParser p, TypeReference<T> valueTypeRef) {
    throw unsupported();
  }

  @Override
  public <T> T readValue(JsonParser p, ResolvedType valueType) {
    throw unsupported();
  }

  @Override
  public <T> Iterator<T> readValues(JsonParser p, Class<T> valueType) {
    throw unsupported();
  }

  @Override
  public <T> Iterator<T> readValues(JsonParser p, TypeReference<T> valueTypeRef) {
    throw unsupported();
  }

  @Override
  public <T> Iterator<T> readValues(JsonParser p, ResolvedType valueType) {
    throw unsupported();
  }

  @Override
  public void writeValue(JsonGenerator gen, Object value) {
    throw unsupported();
  }

  @Override
  public void writeTree(JsonGenerator gen, TreeNode tree) {
    throw unsupported();
  }

  @Override
  public <T> T treeToValue(TreeNode n, Class<T> valueType) {
    throw unsupported();
  }

  @Override
  @Deprecated
  public JsonFactory getFactory() {
    throw unsupported();
  }

  @Override
  @Deprecated
  public JsonFactory getJsonFactory() {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "Only trees are read here; use Json.MAPPER for values");
  }
}
