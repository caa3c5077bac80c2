from llama_index.core import Settings, SimpleDirectoryReader, VectorStoreIndex
from llama_index.embeddings.huggingface import HuggingFaceEmbedding
from llama_index.llms.anthropic import Anthropic

Settings.embed_model = HuggingFaceEmbedding(model_name="BAAI/bge-small-en-v1.5")
Settings.llm = Anthropic(model="claude-3-5-sonnet-20241022", max_tokens=1024)
Settings.chunk_size = 512


def main() -> None:
    documents = SimpleDirectoryReader("data/papers", required_exts=[".pdf"]).load_data()
    index = VectorStoreIndex.from_documents(documents)
    engine = index.as_query_engine(similarity_top_k=3, response_mode="compact")
    print(engine.query("What are the main limitations discussed?"))


if __name__ == "__main__":
    main()
